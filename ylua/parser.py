"""The Lua 5.4 parser: recursive descent over ylua/lexer.py's tokens, as PUC's lparser.c reads them (the same
functions, the same order of reading and checking, the same error messages), building ylua.ast trees.

It also does what lparser.c checks while it reads (ylua/resolve.py's Scopes): which locals are in scope and which
closures capture them, attributes, assignments to constants, labels, gotos and breaks, the limits of 200 locals and
255 upvalues of a function. Nesting is bounded as in PUC:
every statement, every subexpression and every extra assignment target is a level, and LUAI_MAXCCALLS (200) levels
(less the one the caller holds) are a "C stack overflow". Binary operators are read by precedence climbing
(lparser.c's subexpr): a left-associative chain is a loop, not a recursion, so `1 + 1 + ... + 1` is fine at any
length, while right-associative ones (`..`, `^`) nest.
"""

from __future__ import annotations

import sys

from ylua import ast
from ylua.errors import LuaSyntaxError
from ylua.lexer import EOF, NAME, NUMBER, STRING, Lexer, describe, error_line, normalise_newlines
from ylua.resolve import Scopes

MAX_LEVELS = 199  # LUAI_MAXCCALLS, less the C level of the caller (lua.c's, when it loads a script)
UNARY_PRIORITY = 12
BINARY_PRIORITY = {  # operator -> (left, right) priority, as lparser.c's table
    "+": (10, 10), "-": (10, 10), "*": (11, 11), "%": (11, 11), "^": (14, 13), "/": (11, 11), "//": (11, 11),
    "&": (6, 6), "|": (4, 4), "~": (5, 5), "<<": (7, 7), ">>": (7, 7), "..": (9, 8),
    "==": (3, 3), "<": (3, 3), "<=": (3, 3), "~=": (3, 3), ">": (3, 3), ">=": (3, 3), "and": (2, 2), "or": (1, 1),
}
LEFT_PRIORITY = {op: p[0] for op, p in BINARY_PRIORITY.items()}
RIGHT_PRIORITY = {op: p[1] for op, p in BINARY_PRIORITY.items()}
SIMPLE_OPERANDS = frozenset([NAME, NUMBER, STRING])
UNARY = frozenset(["not", "-", "#", "~"])
BLOCK_END = frozenset(["else", "elseif", "end", EOF])  # block_follow(ls, 0)
BLOCK_END_UNTIL = BLOCK_END | {"until"}  # block_follow(ls, 1)
CALL_STARTS = frozenset(["(", STRING, "{"])
SUFFIX_STARTS = CALL_STARTS | {".", "[", ":"}
CONSTANTS = {"nil": ast.Nil, "true": ast.TrueExpr, "false": ast.FalseExpr}
MIN_RECURSION_LIMIT = 8 * MAX_LEVELS  # Python frames per level: a few (a parenthesis: subexpr, primary, ...)


def parse(source: bytes, chunkname: str) -> ast.Chunk:
    """Parse a chunk; raises LuaSyntaxError with PUC's wording."""
    text = normalise_newlines(source.decode("latin-1"))
    if text.startswith("#") and not chunkname.startswith('[string "'):
        # a file's first line '#...' is skipped (luaL_loadfilex), keeping line numbers; a string load()ed under
        # its default name is not a file. TODO: the loaders of files should say so (Interp.load's cache flag)
        nl = text.find("\n")
        text = "" if nl < 0 else "--" + text[nl:]
    if sys.getrecursionlimit() < MIN_RECURSION_LIMIT:
        sys.setrecursionlimit(MIN_RECURSION_LIMIT)
    with ast.gc_paused():
        return Parser(text, chunkname).chunk()


class Parser(Scopes):
    def __init__(self, text: str, chunkname: str):
        self.chunkname = chunkname
        self.lexer = Lexer(text, chunkname)
        self._next_token = self.lexer.tokens().__next__
        self.level = 0
        self.init_scopes()
        self.t, self.v, self.line = self._next_token()

    def next(self):
        self.t, self.v, self.line = self._next_token()

    # ------------------------------------------------------------ errors and checks

    def error_line(self) -> int:
        """PUC's ls->linenumber: the line where the current token ends."""
        return error_line(self.t, self.v, self.line)

    def syntax_error(self, msg: str):
        near = self.lexer.near(self.t, self.v)
        raise LuaSyntaxError(f"{self.chunkname}:{self.error_line()}: {msg} near {near}")

    def sem_error(self, msg: str):
        raise LuaSyntaxError(f"{self.chunkname}:{self.error_line()}: {msg}")

    def error_expected(self, kind: str):
        self.syntax_error(f"{describe(kind)} expected")

    def check(self, kind: str):
        if self.t != kind:
            self.error_expected(kind)

    def checknext(self, kind: str):
        if self.t != kind:
            self.error_expected(kind)
        self.t, self.v, self.line = self._next_token()

    def testnext(self, kind: str) -> bool:
        if self.t == kind:
            self.t, self.v, self.line = self._next_token()
            return True
        return False

    def check_match(self, what: str, who: str, where: int):
        """The token closing a construct opened by `who` on line `where`."""
        if self.t != what:
            if where == self.error_line():
                self.error_expected(what)
            self.syntax_error(f"{describe(what)} expected (to close {describe(who)} at line {where})")
        self.t, self.v, self.line = self._next_token()

    def str_checkname(self) -> str:
        if self.t != NAME:
            self.error_expected(NAME)
        name = self.v
        self.t, self.v, self.line = self._next_token()
        return name

    def enter_level(self):
        self.level += 1
        if self.level >= MAX_LEVELS:
            raise LuaSyntaxError(f"{self.chunkname}:{self.error_line()}: C stack overflow")

    # ------------------------------------------------------------ blocks

    def chunk(self) -> ast.Chunk:
        self.open_function(0, is_vararg=True)
        stmts = self.statlist()
        self.check(EOF)
        self.close_function()
        chunk = ast.Chunk(0, _block(stmts), self.line)
        chunk._decls = self.visible["_ENV"][:1]  # the chunk's _ENV upvalue
        return chunk

    def statlist(self) -> list:
        stmts: list = []
        statement = self.statement
        while self.t not in BLOCK_END_UNTIL:
            if self.t == "return":
                statement(stmts)
                break
            statement(stmts)
        return stmts

    def block(self) -> ast.Block:
        self.enter_block(False)
        stmts = self.statlist()
        self.leave_block()
        return _block(stmts)

    def statement(self, stmts: list):
        line = self.line
        self.level += 1
        if self.level >= MAX_LEVELS:
            self.enter_level()
        handler = STATEMENTS.get(self.t)
        if handler is not None:
            s = handler(self, line)
            if s is not None:
                stmts.append(s)
        elif self.t == "::":
            self.labelstat(line, stmts)
        else:
            stmts.append(self.exprstat())
        self.level -= 1

    # ------------------------------------------------------------ statements

    def emptystat(self, line):
        self.t, self.v, self.line = self._next_token()

    def ifstat(self, line):
        tests: list = []
        blocks: list = []
        self.test_then_block(tests, blocks)
        while self.t == "elseif":
            self.test_then_block(tests, blocks)
        orelse = self.block() if self.testnext("else") else None
        self.check_match("end", "if", line)
        return ast.If(line, tests, blocks, orelse)

    def test_then_block(self, tests, blocks):
        self.t, self.v, self.line = self._next_token()  # 'if' or 'elseif'
        tests.append(self.subexpr(0))
        if self.t != "then":
            self.error_expected("then")
        self.t, self.v, self.line = self._next_token()
        blocks.append(self.block())

    def whilestat(self, line):
        self.next()
        cond = self.expr()
        self.enter_block(True)
        self.checknext("do")
        body = self.block()
        self.check_match("end", "while", line)
        self.leave_block()
        return ast.While(line, cond, body)

    def dostat(self, line):
        self.next()
        body = self.block()
        self.check_match("end", "do", line)
        return ast.Do(line, body)

    def forstat(self, line):
        self.enter_block(True)  # the loop's hidden state, and where its breaks go
        self.next()
        name = self.str_checkname()
        if self.t == "=":
            node = self.fornum(name, line)
        elif self.t == "," or self.t == "in":
            node = self.forlist(name, line)
        else:
            self.syntax_error("'=' or 'in' expected")
        self.check_match("end", "for", line)
        self.leave_block()
        return node

    def fornum(self, name, line):
        for _ in range(3):
            self.new_local("(for state)")
        var = self.new_local(name)
        self.checknext("=")
        start = self.expr()
        self.checknext(",")
        stop = self.expr()
        step = self.expr() if self.testnext(",") else None
        self.activate(3)
        node = ast.NumericFor(line, name, start, stop, step, self.forbody(1))
        node._decls = [var]
        return node

    def forlist(self, name, line):
        for _ in range(4):
            self.new_local("(for state)")
        names = [name]
        decls = [self.new_local(name)]
        while self.testnext(","):
            n = self.str_checkname()
            names.append(n)
            decls.append(self.new_local(n))
        self.checknext("in")
        exprs = self.explist()
        self.activate(4)
        node = ast.GenericFor(line, names, exprs, self.forbody(len(names)))
        node._decls = decls
        return node

    def forbody(self, nvars: int) -> ast.Block:
        self.checknext("do")
        self.enter_block(False)
        self.activate(nvars)
        body = self.block()
        self.leave_block()
        return body

    def repeatstat(self, line):
        self.enter_block(True)
        self.enter_block(False)
        self.next()
        stmts = self.statlist()
        self.check_match("until", "repeat", line)
        cond = self.expr()  # sees the body's locals
        self.leave_block()
        self.leave_block()
        return ast.Repeat(line, _block(stmts), cond)

    def funcstat(self, line):
        self.next()
        name = self.str_checkname()
        self.use(name)
        target = ast.Name(line, name)
        fullname = name
        is_method = False
        while (self.t == "." or self.t == ":") and not is_method:
            is_method = self.t == ":"
            fullname += self.t
            self.next()
            key = self.str_checkname()
            target = ast.Index(line, target, ast.String(line, key.encode("latin-1")))
            fullname += key
        f = self.body(is_method, line)
        if type(target) is ast.Name:
            self.assignment_to(name)
        f.line = line
        f.name = fullname
        return ast.FunctionStat(line, target, f)

    def localstat(self, line):
        self.t, self.v, self.line = self._next_token()
        if self.t == "function":
            self.t, self.v, self.line = self._next_token()
            name = self.str_checkname()
            var = self.new_local(name)
            self.activate(1)
            f = self.body(False, self.line)
            f.line = line
            f.name = name
            node = ast.LocalFunction(line, name, f)
            node._decls = [var]
            return node
        names, attribs, decls = [], [], []
        toclose = False
        while True:
            if self.t != NAME:
                self.error_expected(NAME)
            name = self.v
            self.t, self.v, self.line = self._next_token()
            var = self.new_local(name)
            attrib = self.attribute() if self.t == "<" else None
            if attrib == "close":
                if toclose:
                    self.sem_error("multiple to-be-closed variables in local list")
                toclose = True
            var.attrib = attrib
            names.append(name)
            attribs.append(attrib)
            decls.append(var)
            if self.t != ",":
                break
            self.t, self.v, self.line = self._next_token()
        if self.t == "=":
            self.t, self.v, self.line = self._next_token()
            exprs = self.explist()
        else:
            exprs = []
        self.activate(len(names))
        node = ast.Local(line, names, attribs, exprs)
        node._decls = decls
        return node

    def attribute(self):
        """`<name>` after a local's name, at its '<'."""
        self.next()
        attrib = self.str_checkname()
        self.checknext(">")
        if attrib != "const" and attrib != "close":
            self.sem_error(f"unknown attribute '{attrib}'")
        return attrib

    def labelstat(self, line, stmts):
        self.next()
        name_line = self.line
        name = self.str_checkname()
        stmts.append(ast.Label(name_line, name))
        self.checknext("::")
        while self.t == ";" or self.t == "::":  # other void statements first, as lparser.c
            self.statement(stmts)
        self.new_label(name, line, self.t in BLOCK_END)

    def retstat(self, line):
        self.t, self.v, self.line = self._next_token()
        exprs = [] if self.t in BLOCK_END_UNTIL or self.t == ";" else self.explist()
        self.testnext(";")
        return ast.Return(line, exprs)

    def breakstat(self, line):
        self.next()
        self.new_goto("break", line)
        return ast.Break(line)

    def gotostat(self, line):
        self.next()
        line = self.line
        name = self.str_checkname()
        self.new_goto(name, line)
        return ast.Goto(line, name)

    def exprstat(self):
        e = self.suffixedexp()
        t = self.t
        if t != "=" and t != ",":
            if type(e) is not ast.Call and type(e) is not ast.MethodCall:
                self.syntax_error("syntax error")
            return ast.CallStat(e.line, e)
        targets = [e]
        self.check_target(e)
        levels = 0
        while self.t == ",":
            self.t, self.v, self.line = self._next_token()
            e = self.suffixedexp()
            targets.append(e)
            levels += 1
            self.enter_level()  # lparser.c's restassign recurses for each target
            self.check_target(e)
        if self.t != "=":
            self.error_expected("=")
        self.t, self.v, self.line = self._next_token()
        exprs = self.explist()
        self.level -= levels
        return ast.Assign(targets[0].line, targets, exprs)

    def check_target(self, e):
        if type(e) is ast.Name:
            self.assignment_to(e.name)
        elif type(e) is not ast.Index:
            self.syntax_error("syntax error")

    # ------------------------------------------------------------ functions

    def body(self, is_method: bool, line: int) -> ast.Function:
        """`(params) block end`; `line` is where PUC says the function is defined (for its messages)."""
        self.open_function(line)
        params = []
        decls = []
        if is_method:
            params.append("self")
            decls.append(self.new_local("self"))
            self.activate(1)
        lparen = self.line
        self.checknext("(")
        is_vararg = False
        nparams = 0
        if self.t != ")":
            while True:
                if self.t == NAME:
                    params.append(self.v)
                    self.next()
                    decls.append(self.new_local(params[-1]))
                    nparams += 1
                elif self.t == "...":
                    self.next()
                    is_vararg = True
                    break
                else:
                    self.syntax_error("<name> or '...' expected")
                if not self.testnext(","):
                    break
        self.activate(nparams)
        self.fs.is_vararg = is_vararg
        self.checknext(")")
        stmts = self.statlist()
        end_line = self.line
        self.check_match("end", "function", line)
        self.close_function()
        f = ast.Function(lparen, params, is_vararg, _block(stmts), end_line, "", is_method)
        f._decls = decls
        return f

    # ------------------------------------------------------------ expressions

    def explist(self) -> list:
        exprs = [self.subexpr(0)]
        while self.t == ",":
            self.t, self.v, self.line = self._next_token()
            exprs.append(self.subexpr(0))
        return exprs

    def expr(self):
        return self.subexpr(0)

    def subexpr(self, limit: int, first=None):
        """An expression whose binary operators bind tighter than `limit` (lparser.c's subexpr); `first`: its
        first operand, already read (a name, a numeral or a string)."""
        self.level += 1
        if self.level >= MAX_LEVELS:
            self.enter_level()
        t = self.t
        if first is not None:
            e = first
            if type(first) is ast.Name and t in SUFFIX_STARTS:
                e = self.suffixes(first, first.line)
        elif t == NAME:  # the common case of simpleexp and suffixedexp, inline
            line = self.line
            name = self.v
            self.t, self.v, self.line = self._next_token()
            v = (self.visible.get(name) or self.visible["_ENV"])[-1]  # self.use(name), inline
            if v.func is not self.fs and v.name not in self.fs.upvals:
                self.capture(v)
            e = ast.Name(line, name)
            if self.t in SUFFIX_STARTS:
                e = self.suffixes(e, line)
        elif t == NUMBER:
            e = ast.Number(self.line, self.v[0])
            self.t, self.v, self.line = self._next_token()
        elif t in UNARY:
            line = self.line
            self.t, self.v, self.line = self._next_token()
            e = ast.UnOp(line, t, self.subexpr(UNARY_PRIORITY))
        else:
            e = self.simpleexp()
        op = self.t
        while op in LEFT_PRIORITY and LEFT_PRIORITY[op] > limit:
            line = self.line
            self.t, self.v, self.line = self._next_token()
            right = RIGHT_PRIORITY[op]
            t = self.t
            if t in SIMPLE_OPERANDS:  # read here what a subexpr would read first, and call it only if it goes on
                if self.level + 1 >= MAX_LEVELS:
                    self.level += 1
                    self.enter_level()
                if t == NAME:
                    operand = ast.Name(self.line, self.v)
                    self.t, self.v, self.line = self._next_token()
                    self.use(operand.name)
                else:
                    operand = (ast.Number if t == NUMBER else ast.String)(self.line, self.v[0])
                    self.t, self.v, self.line = self._next_token()
                nxt = self.t
                if (nxt in LEFT_PRIORITY and LEFT_PRIORITY[nxt] > right) or (t == NAME and nxt in SUFFIX_STARTS):
                    operand = self.subexpr(right, operand)
            else:
                operand = self.subexpr(right)
            e = ast.BinOp(line, op, e, operand)
            op = self.t
        self.level -= 1
        return e

    def simpleexp(self):
        t = self.t
        line = self.line
        if t == STRING:
            e = ast.String(line, self.v[0])
        elif t in CONSTANTS:
            e = CONSTANTS[t](line)
        elif t == "...":
            if not self.fs.is_vararg:
                self.syntax_error("cannot use '...' outside a vararg function")
            e = ast.Vararg(line)
        elif t == "{":
            return self.constructor()
        elif t == "function":
            self.next()
            f = self.body(False, self.line)
            f.line = line
            return f
        else:
            return self.suffixedexp()
        self.t, self.v, self.line = self._next_token()
        return e

    def suffixedexp(self):
        line = self.line
        if self.t == NAME:
            name = self.v
            self.t, self.v, self.line = self._next_token()
            v = (self.visible.get(name) or self.visible["_ENV"])[-1]  # self.use(name), inline
            if v.func is not self.fs and v.name not in self.fs.upvals:
                self.capture(v)
            if self.t in SUFFIX_STARTS:
                return self.suffixes(ast.Name(line, name), line)
            return ast.Name(line, name)
        if self.t == "(":
            self.next()
            inner = self.subexpr(0)
            self.check_match(")", "(", line)
            return self.suffixes(ast.Paren(line, inner), line)
        self.syntax_error("unexpected symbol")

    def suffixes(self, e, line: int):
        """`.name`, `[exp]`, `:name args` and `args` after a primary expression that starts on `line`."""
        while True:
            t = self.t
            if t == ".":
                self.t, self.v, self.line = self._next_token()
                if self.t != NAME:
                    self.error_expected(NAME)
                e = ast.Index(e.line, e, ast.String(self.line, self.v.encode("latin-1")))
                self.t, self.v, self.line = self._next_token()
                continue
            if t == "[":
                self.t, self.v, self.line = self._next_token()
                key = self.subexpr(0)
                if self.t != "]":
                    self.error_expected("]")
                self.t, self.v, self.line = self._next_token()
                e = ast.Index(e.line, e, key)
                continue
            method = None
            if t == ":":
                self.next()
                method = self.str_checkname()
                t = self.t
            elif t not in CALL_STARTS:
                return e
            if t == "(":  # funcargs, inline
                self.t, self.v, self.line = self._next_token()
                args = [] if self.t == ")" else self.explist()
                if self.t != ")":
                    self.check_match(")", "(", line)
                self.t, self.v, self.line = self._next_token()
            else:
                args = self.funcargs()
            e = ast.Call(e.line, e, args) if method is None else ast.MethodCall(e.line, e, method, args)

    def funcargs(self) -> list:
        """A table or string argument (a parenthesised list is read by suffixes)."""
        t = self.t
        if t == "{":
            return [self.constructor()]
        if t == STRING:
            arg = ast.String(self.line, self.v[0])
            self.next()
            return [arg]
        self.syntax_error("function arguments expected")

    def constructor(self) -> ast.Table:
        line = self.line
        self.next()  # '{'
        fields = []
        while self.t != "}":
            fields.append(self.field())
            if self.t == "," or self.t == ";":
                self.next()
            else:
                break
        self.check_match("}", "{", line)
        return ast.Table(line, fields)

    def field(self) -> ast.TableField:
        t = self.t
        if t == NAME:
            line = self.line
            name = self.v
            self.next()
            if self.t == "=":
                self.next()
                return ast.TableField(line, "named", ast.String(line, name.encode("latin-1")), self.subexpr(0))
            self.use(name)
            value = self.subexpr(0, ast.Name(line, name))
        elif t == "[":
            self.next()
            key = self.subexpr(0)
            self.checknext("]")
            self.checknext("=")
            return ast.TableField(key.line, "expr", key, self.subexpr(0))
        else:
            value = self.subexpr(0)
        return ast.TableField(value.line, "pos", None, value)


STATEMENTS = {
    ";": Parser.emptystat, "if": Parser.ifstat, "while": Parser.whilestat, "do": Parser.dostat, "for": Parser.forstat,
    "repeat": Parser.repeatstat, "function": Parser.funcstat, "local": Parser.localstat, "return": Parser.retstat,
    "break": Parser.breakstat, "goto": Parser.gotostat,
}


def _block(stmts: list) -> ast.Block:
    return ast.Block(stmts[0].line if stmts else 0, stmts)
