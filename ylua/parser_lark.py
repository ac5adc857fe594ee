"""The reference Lua 5.4 parser: Lark (LALR, contextual lexer) over ylua/grammar.lark, a Transformer to ylua.ast
nodes, and Lark's errors reworded as PUC Lua words them (`t.lua:3: unexpected symbol near 'then'`).

ylua runs ylua/parser.py (a hand-written recursive descent parser, as PUC's lparser.c); this one is kept as a second
opinion that tests compare it with (tests/test_parser.py): both must build the same trees."""

from __future__ import annotations

import os
import re

from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput

from ylua import ast
from ylua.chunk_cache import cache_dir
from ylua.errors import LuaSyntaxError
from ylua.lexemes import long_string_value, numeral, read_string
from ylua.lexer import normalise_newlines
from ylua.resolve import mark_captured

GRAMMAR = os.path.join(os.path.dirname(__file__), "grammar.lark")
_parser = None


def _cache_path() -> str | bool:
    d = cache_dir()
    if d is None:
        return False
    try:
        return os.path.join(d, f"lua54-lalr-{int(os.path.getmtime(GRAMMAR))}.cache")
    except OSError:
        return False


def get_parser() -> Lark:
    global _parser
    if _parser is None:
        with open(GRAMMAR) as fh:
            grammar = fh.read()
        _parser = Lark(grammar, parser="lalr", lexer="contextual", maybe_placeholders=False,
                       cache=_cache_path(), propagate_positions=False)
    return _parser


def _line(x) -> int:
    if isinstance(x, Token):
        return x.line
    return getattr(x, "line", 0)


class _LuaError(Exception):
    """An error found while building the tree (the transformer's exceptions get wrapped by Lark)."""


@v_args(inline=True)
class ToAst(Transformer):
    def __init__(self, chunkname: str):
        super().__init__()
        self.chunkname = chunkname

    def error(self, line, msg):
        raise LuaSyntaxError(f"{self.chunkname}:{line}: {msg}")

    # ------------------------------------------------------------ statements

    def start(self, block):
        return block

    @v_args(inline=False)
    def block(self, items):
        stmts = [s for s in items if s is not None]
        return ast.Block(stmts[0].line if stmts else 0, stmts)

    def empty(self):
        return None

    def exprstat(self, e):
        if type(e) not in (ast.Call, ast.MethodCall):
            raise _NotAStatement(e.line)
        return ast.CallStat(e.line, e)

    @v_args(inline=False)
    def assign(self, items):
        explist = items[-1]
        targets = items[:-1]
        for t in targets:
            if type(t) not in (ast.Name, ast.Index):
                self.error(t.line, "syntax error near '='")
        return ast.Assign(targets[0].line, targets, explist)

    def label(self, name):
        return ast.Label(name.line, str(name))

    def break_(self, tok):
        return ast.Break(tok.line)

    def goto(self, name):
        return ast.Goto(name.line, str(name))

    def do(self, tok, body):
        return ast.Do(tok.line, body)

    def while_(self, tok, cond, _do, body):
        return ast.While(tok.line, cond, body)

    def repeat(self, tok, body, _until, cond):
        return ast.Repeat(tok.line, body, cond)

    @v_args(inline=False)
    def if_(self, items):
        tok, cond, body, *rest = items
        tests, blocks, orelse = [cond], [body], None
        for r in rest:
            if r[0] == "elseif":
                tests.append(r[1])
                blocks.append(r[2])
            else:
                orelse = r[1]
        return ast.If(tok.line, tests, blocks, orelse)

    def elseif(self, tok, cond, body):
        return ("elseif", cond, body)

    def else_(self, body):
        return ("else", body)

    @v_args(inline=False)
    def numfor(self, items):
        tok, name, start, stop, *rest = items
        body = rest[-1]
        step = rest[0] if len(rest) == 3 else None
        return ast.NumericFor(tok.line, str(name), start, stop, step, body)

    def genfor(self, tok, names, _in, explist, _do, body):
        return ast.GenericFor(tok.line, names, explist, body)

    def funcstat(self, tok, funcname, body):
        parts, method = funcname
        target = ast.Name(tok.line, parts[0])
        for p in parts[1:]:
            target = ast.Index(tok.line, target, ast.String(tok.line, p.encode("latin-1")))
        name = ".".join(parts)
        if method is not None:
            target = ast.Index(tok.line, target, ast.String(tok.line, method.encode("latin-1")))
            body.params.insert(0, "self")
            body.is_method = True
            name += ":" + method
        body.line = tok.line
        body.name = name
        return ast.FunctionStat(tok.line, target, body)

    @v_args(inline=False)
    def funcname(self, items):
        method = items[-1] if isinstance(items[-1], str) and not isinstance(items[-1], Token) else None
        names = items[:-1] if method is not None else items
        return [str(t) for t in names], method

    def method(self, name):
        return str(name)

    def localfunc(self, tok, _fn, name, body):
        body.line = tok.line
        body.name = str(name)
        return ast.LocalFunction(tok.line, str(name), body)

    @v_args(inline=False)
    def local(self, items):
        tok, attnames, *rest = items
        names, attribs = attnames
        if attribs.count("close") > 1:
            self.error(tok.line, "multiple to-be-closed variables in local list")
        exprs = rest[0] if rest else []
        return ast.Local(tok.line, names, attribs, exprs)

    @v_args(inline=False)
    def attnamelist(self, items):
        names, attribs = [], []
        for i in range(0, len(items), 2):
            names.append(str(items[i]))
            attribs.append(items[i + 1])
        return names, attribs

    @v_args(inline=False)
    def attrib(self, items):
        if not items:
            return None
        name = str(items[1])
        if name not in ("const", "close"):
            self.error(items[1].line, f"unknown attribute '{name}'")
        return name

    @v_args(inline=False)
    def retstat(self, items):
        tok = items[0]
        return ast.Return(tok.line, items[1] if len(items) > 1 else [])

    @v_args(inline=False)
    def namelist(self, items):
        return [str(t) for t in items]

    @v_args(inline=False)
    def explist(self, items):
        return items

    # ------------------------------------------------------------ expressions

    def name(self, tok):
        return ast.Name(tok.line, str(tok))

    def index(self, obj, key):
        return ast.Index(obj.line, obj, key)

    def dot(self, obj, name):
        return ast.Index(obj.line, obj, ast.String(name.line, str(name).encode("latin-1")))

    def call(self, func, args):
        return ast.Call(func.line, func, args)

    def methcall(self, obj, name, args):
        return ast.MethodCall(obj.line, obj, str(name), args)

    def paren(self, tok, e):
        return ast.Paren(tok.line, e)

    @v_args(inline=False)
    def args(self, items):
        if isinstance(items[0], Token) and items[0].type == "LPAREN":
            return items[1] if len(items) > 1 else []
        return [items[0]]

    def nil(self, tok):
        return ast.Nil(tok.line)

    def true(self, tok):
        return ast.TrueExpr(tok.line)

    def false(self, tok):
        return ast.FalseExpr(tok.line)

    def number(self, tok):
        return ast.Number(tok.line, numeral(str(tok), self.chunkname, tok.line))

    def string(self, tok):
        if tok.type == "LONGSTRING":
            level = tok.index("[", 1) + 1
            return ast.String(tok.line, long_string_value(tok[level:-level]))
        return ast.String(tok.line, read_string(str(tok), 0, tok.line, self.chunkname)[0])

    def vararg(self, tok):
        return ast.Vararg(tok.line)

    def funcexpr(self, tok, body):
        body.line = tok.line
        return body

    @v_args(inline=False)
    def funcbody(self, items):
        lparen = items[0]
        end = items[-1]
        block = items[-2]
        params, vararg = (items[1] if len(items) == 4 else ([], False))
        return ast.Function(lparen.line, params, vararg, block, end.line)

    @v_args(inline=False)
    def parlist(self, items):
        names = []
        for i, tok in enumerate(items):
            if tok.type == "ELLIPSIS":
                if i != len(items) - 1:
                    self.error(tok.line, "')' expected near ','")
                return names, True
            names.append(str(tok))
        return names, False

    def binop(self, left, optok, right):
        o = str(optok)
        return ast.BinOp(optok.line, o, left, right)

    def unop(self, optok, operand):
        return ast.UnOp(optok.line, str(optok), operand)

    @v_args(inline=False)
    def tableconstructor(self, items):
        tok = items[0]
        fields = items[1] if len(items) > 1 else []
        return ast.Table(tok.line, fields)

    @v_args(inline=False)
    def fieldlist(self, items):
        return [f for f in items if isinstance(f, ast.TableField)]

    def field_expr(self, k, v):
        return ast.TableField(k.line, "expr", k, v)

    def field_named(self, name, v):
        return ast.TableField(name.line, "named", ast.String(name.line, str(name).encode("latin-1")), v)

    def field_pos(self, v):
        return ast.TableField(v.line, "pos", None, v)


class _NotAStatement(Exception):
    """An expression statement that is not a call: PUC says 'syntax error near' the token that follows it."""

    def __init__(self, line):
        super().__init__(line)
        self.line = line


def _token_after_bad_statement(text: str) -> tuple[str, int | None]:
    """Find the token following the first expression statement that is not a call (error path only: it parses
    again with positions)."""
    with open(GRAMMAR) as fh:
        grammar = fh.read()
    positional = Lark(grammar, parser="lalr", lexer="contextual", maybe_placeholders=False, propagate_positions=True)
    tree = positional.parse(text)
    for sub in tree.iter_subtrees_topdown():
        if sub.data == "exprstat" and getattr(sub.children[0], "data", None) not in ("call", "methcall"):
            rest = text[sub.meta.end_pos:]
            for tok in positional.lex(rest, dont_ignore=False):
                return token_text(tok), sub.meta.end_line + tok.line - 1
            return "<eof>", sub.meta.end_line
    return "<eof>", None


# ---------------------------------------------------------------- errors

OPENERS = {  # opener token type -> (closing terminal, text shown)
    "IF": ("END", "if"), "WHILE": ("END", "while"), "FOR": ("END", "for"), "FUNCTION": ("END", "function"),
    "DO": ("END", "do"), "REPEAT": ("UNTIL", "repeat"), "LPAREN": ("RPAR", "("), "LBRACE": ("RBRACE", "{"),
}


def token_text(tok) -> str:
    if tok is None or tok.type == "$END":
        return "<eof>"
    return f"'{tok}'"


def _terminal_text(name: str) -> str:
    try:
        pattern = get_parser().get_terminal(name).pattern
    except KeyError:
        return name.lower()
    if pattern.type == "str":
        return pattern.value
    return "<name>" if name == "NAME" else name.lower()


ARGS_STARTS = frozenset(["LPAREN", "LBRACE", "STRING", "LONGSTRING"])
LOOP_HEADER = frozenset(["NAME", "EQUAL", "COMMA", "IN"])  # tokens between 'while'/'for' and its 'do'


def _open_block(stack) -> int:
    """The stack index of the innermost token that opened a construct still unclosed, or -1."""
    closed = set()
    for k in range(len(stack) - 1, -1, -1):
        item = stack[k]
        if not isinstance(item, Token):
            continue
        if item.type == "RPAR":
            closed.add("LPAREN")  # a function's parameter list: its body is still open
        elif item.type in OPENERS and item.type not in closed:
            return _loop_of(stack, k) if item.type == "DO" else k
    return -1


def _is_parameter_list(stack, k) -> bool:
    """Whether the '(' at stack[k] opens a function's parameters (PUC checks its ')' without 'to close')."""
    before = stack[k - 1] if k > 0 else None
    if isinstance(before, Token):
        return before.type in ("FUNCTION", "NAME")
    return isinstance(before, Tree) and before.data == "funcname"


def _loop_of(stack, k) -> int:
    """The index of the 'while' or 'for' whose 'do' is stack[k], or k when that 'do' opens a block of its own."""
    for j in range(k - 1, -1, -1):
        item = stack[j]
        if isinstance(item, Token) and item.type not in LOOP_HEADER:
            return j if item.type in ("WHILE", "FOR") else k
    return k


_LONG_OPEN = re.compile(r"(--)?\[(=*)\[")


def _unfinished_long_bracket(text: str, pos: int, chunkname: str) -> str | None:
    """The error for a long string or comment that is never closed. The grammar cannot match it, so the parse fails
    at most two characters after its start (an unclosed comment's '--' lexes as two minus signs)."""
    for start in range(max(pos - 2, 0), pos + 1):
        m = _LONG_OPEN.match(text, start)
        if m and f"]{m.group(2)}]" not in text[m.end():]:
            what = "comment" if m.group(1) else "string"
            first = text.count("\n", 0, start) + 1
            last = text.count("\n") + 1
            return f"{chunkname}:{last}: unfinished long {what} (starting at line {first}) near <eof>"
    return None


def syntax_error_message(e: UnexpectedInput, text: str, chunkname: str) -> str:
    pos = getattr(e, "pos_in_stream", None)
    if pos is not None:
        msg = _unfinished_long_bracket(text, pos, chunkname)
        if msg is not None:
            return msg
    if isinstance(e, UnexpectedCharacters):
        ch = text[e.pos_in_stream]
        if ch in "\"'":
            try:
                read_string(text, e.pos_in_stream, e.line, chunkname)
            except LuaSyntaxError as err:
                return err.msg
        return f"{chunkname}:{e.line}: unexpected symbol near '{ch}'"
    tok = getattr(e, "token", None)
    if isinstance(e, UnexpectedEOF) or tok is None or tok.type == "$END":
        near = "<eof>"
        line = text.count("\n") + 1
    else:
        near = token_text(tok)
        line = tok.line
    expected = set(getattr(e, "accepts", None) or getattr(e, "expected", None) or ())
    ip = getattr(e, "interactive_parser", None)
    stack = ip.parser_state.value_stack if ip is not None else []
    return f"{chunkname}:{line}: {_what_was_expected(expected, stack, line)} near {near}"


def _what_was_expected(expected: set, stack, line: int) -> str:
    """PUC's wording of a parse error, from the terminals the parser would have accepted."""
    if "NUMBER" in expected:
        return "unexpected symbol"  # an expression was due here
    if expected <= ARGS_STARTS and len(expected) > 1:
        return "function arguments expected"
    if {"NAME", "ELLIPSIS"} <= expected:
        return "<name> or '...' expected"
    if "IN" in expected:
        return "'=' or 'in' expected" if "EQUAL" in expected else "'in' expected"
    k = _open_block(stack)
    if k >= 0:
        opener = stack[k]
        closer, shown = OPENERS[opener.type]
        if closer in expected:
            what = _terminal_text(closer)
            if opener.line == line or (opener.type == "LPAREN" and _is_parameter_list(stack, k)):
                return f"'{what}' expected"
            return f"'{what}' expected (to close '{shown}' at line {opener.line})"
    if "NAME" not in expected:
        if "$END" in expected:
            return "<eof> expected"  # only the end of the chunk may follow its 'return'
        if {"EQUAL", "COMMA"} <= expected:
            return "'=' expected"  # a list of assignment targets
    if len(expected) == 1:
        return _expected_text(next(iter(expected)))
    for wanted in ("THEN", "DO", "EQUAL"):
        if wanted in expected and "NAME" not in expected and len(expected) <= 3:
            return _expected_text(wanted)
    if "NAME" in expected and len(expected) <= 2:
        return "<name> expected"
    return "unexpected symbol"


def _expected_text(terminal: str) -> str:
    return "<name> expected" if terminal == "NAME" else f"'{_terminal_text(terminal)}' expected"


def parse(source: bytes, chunkname: str) -> ast.Chunk:
    """Parse a chunk; raises LuaSyntaxError with PUC's wording."""
    text = normalise_newlines(source.decode("latin-1"))
    if text.startswith("#"):
        nl = text.find("\n")
        text = "" if nl < 0 else "--" + text[nl:]  # keep line numbers
    try:
        tree = get_parser().parse(text)
    except UnexpectedInput as e:
        raise LuaSyntaxError(syntax_error_message(e, text, chunkname)) from None
    try:
        block = ToAst(chunkname).transform(tree)
    except Exception as e:  # Lark wraps the transformer's exceptions
        inner = getattr(e, "orig_exc", e)
        if isinstance(inner, LuaSyntaxError):
            raise inner from None
        if isinstance(inner, _NotAStatement):
            near, line = _token_after_bad_statement(text)
            raise LuaSyntaxError(f"{chunkname}:{line or inner.line}: syntax error near {near}") from None
        raise
    last_line = text.count("\n") + 1
    chunk = ast.Chunk(0, block, last_line)
    mark_captured(chunk)
    return chunk
