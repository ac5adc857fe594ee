"""Which locals closures capture, and PUC's checks of scopes: locals, labels, gotos, 'break', attributes.

The compiler keeps captured locals in Cell objects (shared by the closures that capture them, and fresh on every
execution of the declaration, which gives Lua 5.4's fresh-per-iteration loop variables). It must know at the
declaration whether a local is captured, so every declaring node (Local, LocalFunction, NumericFor, GenericFor,
Function: its parameters) carries `_decls`, one Var per name, whose `captured` is set by the time the compiler runs.

The parser (ylua/parser.py) fills them in as it reads, through Scopes, which follows lparser.c: the same variables,
blocks, labels and pending gotos, checked at the same moments, so the errors ("jumps into the scope of local",
"break outside loop", "label 'x' already defined", "too many local variables") come with PUC's line numbers.
mark_captured does the same marking on a finished tree (the reference parser's, ylua/parser_lark.py).
"""

from __future__ import annotations

from ylua import ast

MAXVARS = 200  # lparser.c: locals of one function at a time
MAXUPVAL = 255  # lfunc.h: upvalues of one function


class Var:
    """A declared local: PUC's Vardesc. `func` is the function that declares it (a FuncScope, or the Function node
    in mark_captured), `attrib` None, 'const' or 'close'. A name in parentheses is an internal one (for loops)."""

    __slots__ = ("assigned", "attrib", "captured", "func", "name")

    def __init__(self, name, func, attrib=None):
        self.name = name
        self.func = func
        self.attrib = attrib
        self.captured = False
        self.assigned = False  # an assignment (not its declaration) writes it: closures cannot take it as fixed


class FuncScope:
    __slots__ = ("actives", "block", "firstlabel", "is_vararg", "line", "nactvar", "parent", "upvals")

    def __init__(self, parent, line, firstlabel, is_vararg):
        self.parent = parent
        self.upvals = {"_ENV"} if parent is None else set()  # names of its upvalues (the main function's _ENV)
        self.line = line  # linedefined, as PUC names functions in "too many ..." errors (0: the main function)
        self.actives: list[Var] = []  # declared locals: the active ones, then those not in scope yet
        self.nactvar = 0
        self.firstlabel = firstlabel
        self.is_vararg = is_vararg
        self.block = None


class _Block:
    __slots__ = ("firstgoto", "firstlabel", "isloop", "nactvar", "previous")

    def __init__(self, previous, nactvar, firstlabel, firstgoto, isloop):
        self.previous = previous
        self.nactvar = nactvar
        self.firstlabel = firstlabel
        self.firstgoto = firstgoto
        self.isloop = isloop


class Scopes:
    """The parser's view of scopes, a mixin of ylua.parser.Parser, which provides syntax_error(msg) (PUC's
    luaX_syntaxerror: the message near the current token) and sem_error(msg) (luaK_semerror: without it)."""

    def init_scopes(self):
        self.visible: dict[str, list[Var]] = {"_ENV": [Var("_ENV", None)]}  # name -> its declarations in scope
        self.labels: list[list] = []  # [name, line, nactvar] of the labels visible
        self.gotos: list[list] = []  # [name, line, nactvar] of the gotos (and breaks) waiting for their label
        self.fs: FuncScope | None = None

    # ------------------------------------------------------------ functions and blocks

    def open_function(self, line: int, is_vararg: bool = False) -> None:
        self.fs = FuncScope(self.fs, line, len(self.labels), is_vararg)
        self.enter_block(False)

    def close_function(self) -> None:
        self.leave_block()
        self.fs = self.fs.parent

    def enter_block(self, isloop: bool) -> None:
        fs = self.fs
        fs.block = _Block(fs.block, fs.nactvar, len(self.labels), len(self.gotos), isloop)

    def leave_block(self) -> None:
        fs = self.fs
        bl = fs.block
        if fs.nactvar > bl.nactvar:
            self._remove_vars(bl.nactvar)
        if bl.isloop:
            self.create_label("break", 0, False)  # where the loop's breaks go
        if len(self.labels) > bl.firstlabel:
            del self.labels[bl.firstlabel:]
        fs.block = bl.previous
        pending = self.gotos
        if len(pending) <= bl.firstgoto:
            return
        if bl.previous is not None:
            for i in range(bl.firstgoto, len(pending)):
                pending[i][2] = bl.nactvar  # they leave the block's locals
        else:
            name, line, _ = pending[bl.firstgoto]
            if name == "break":
                self.sem_error(f"break outside loop at line {line}")
            self.sem_error(f"no visible label '{name}' for <goto> at line {line}")

    # ------------------------------------------------------------ locals

    def new_local(self, name: str, attrib=None) -> Var:
        """A local declared but not in scope yet (PUC's new_localvar, with its limit)."""
        fs = self.fs
        if len(fs.actives) >= MAXVARS:
            self._too_many(fs, "local variables", MAXVARS)
        v = Var(name, fs, attrib)
        fs.actives.append(v)
        return v

    def activate(self, n: int) -> None:
        """The next n declared locals come into scope (adjustlocalvars)."""
        fs = self.fs
        visible = self.visible
        for v in fs.actives[fs.nactvar:fs.nactvar + n] if n != 1 else (fs.actives[fs.nactvar],):
            if v.name[0] != "(":
                lst = visible.get(v.name)
                if lst is None:
                    visible[v.name] = [v]
                else:
                    lst.append(v)
        fs.nactvar += n

    def _remove_vars(self, level: int) -> None:
        fs = self.fs
        visible = self.visible
        actives = fs.actives
        while fs.nactvar > level:
            v = actives.pop()
            fs.nactvar -= 1
            if v.name[0] != "(":
                visible[v.name].pop()

    def use(self, name: str) -> None:
        """A variable read or written (its name just read): a local of an enclosing function is captured, an
        upvalue of the functions in between; a global reads _ENV."""
        v = (self.visible.get(name) or self.visible["_ENV"])[-1]
        if v.func is not self.fs and v.name not in self.fs.upvals:
            self.capture(v)

    def capture(self, v: Var) -> None:
        """`v`, a variable of an enclosing function, becomes an upvalue of the functions in between (the outermost
        first, as lparser.c's singlevaraux makes them), within their limit."""
        v.captured = True
        between = []
        fs = self.fs
        while fs is not v.func and v.name not in fs.upvals:
            between.append(fs)
            fs = fs.parent
        for fs in reversed(between):
            if len(fs.upvals) >= MAXUPVAL:
                self._too_many(fs, "upvalues", MAXUPVAL)
            fs.upvals.add(v.name)

    def _too_many(self, fs: FuncScope, what: str, limit: int):
        where = "main function" if fs.parent is None else f"function at line {fs.line}"
        self.syntax_error(f"too many {what} (limit is {limit}) in {where}")

    def assignment_to(self, name: str) -> None:
        """An assignment writes variable `name`: an error for a const one; a local is no longer fixed."""
        lst = self.visible.get(name)
        if lst:
            if lst[-1].attrib is not None:
                self.sem_error(f"attempt to assign to const variable '{name}'")
            lst[-1].assigned = True

    # ------------------------------------------------------------ labels and gotos

    def new_goto(self, name: str, line: int) -> None:
        if self._find_label(name) is None:  # a backward jump needs no check
            self.gotos.append([name, line, self.fs.nactvar])

    def new_label(self, name: str, line: int, last: bool) -> None:
        """`::name::` on `line`; `last`: only void statements follow it in its block (its locals are then out of
        scope for the gotos that jump to it)."""
        lb = self._find_label(name)
        if lb is not None:
            self.sem_error(f"label '{name}' already defined on line {lb[1]}")
        self.create_label(name, line, last)

    def create_label(self, name: str, line: int, last: bool) -> None:
        fs = self.fs
        bl = fs.block
        nactvar = bl.nactvar if last else fs.nactvar
        self.labels.append([name, line, nactvar])
        pending = self.gotos
        i = bl.firstgoto
        while i < len(pending):
            g = pending[i]
            if g[0] != name:
                i += 1
                continue
            if g[2] < nactvar:
                var = fs.actives[g[2]].name
                self.sem_error(f"<goto {name}> at line {g[1]} jumps into the scope of local '{var}'")
            del pending[i]

    def _find_label(self, name: str):
        labels = self.labels
        for i in range(self.fs.firstlabel, len(labels)):
            if labels[i][0] == name:
                return labels[i]
        return None


# ---------------------------------------------------------------- the same marking on a finished tree


class _Resolver:
    def __init__(self):
        self.scopes: list[dict[str, Var]] = []
        self.func = None

    def declare(self, node, names):
        decls = []
        for name in names:
            d = Var(name, self.func)
            self.scopes[-1][name] = d
            decls.append(d)
        node._decls = decls

    def use(self, name):
        for scope in reversed(self.scopes):
            d = scope.get(name)
            if d is not None:
                if d.func is not self.func:
                    d.captured = True
                return
        # a global: it reads _ENV
        if name != "_ENV":
            self.use("_ENV")

    def assign(self, name):
        for scope in reversed(self.scopes):
            d = scope.get(name)
            if d is not None:
                d.assigned = True
                return

    # ------------------------------------------------------------ walking

    def block(self, block: ast.Block, extra=None):
        self.scopes.append({})
        if extra is not None:
            node, names = extra
            self.declare(node, names)
        for st in block.stmts:
            self.stmt(st)
        self.scopes.pop()

    def function(self, f: ast.Function):
        saved = self.func
        self.func = f
        self.scopes.append({})
        self.declare(f, f.params)
        for st in f.body.stmts:
            self.stmt(st)
        self.scopes.pop()
        self.func = saved

    def stmt(self, s):
        t = type(s)
        if t is ast.Local:
            for e in s.exprs:
                self.expr(e)
            self.declare(s, s.names)
        elif t is ast.LocalFunction:
            self.declare(s, [s.name])
            self.function(s.func)
        elif t is ast.Assign:
            for e in s.targets:
                self.expr(e)
                if type(e) is ast.Name:
                    self.assign(e.name)
            for e in s.exprs:
                self.expr(e)
        elif t is ast.CallStat:
            self.expr(s.call)
        elif t is ast.Do:
            self.block(s.body)
        elif t is ast.While:
            self.expr(s.cond)
            self.block(s.body)
        elif t is ast.Repeat:
            self.scopes.append({})
            for st in s.body.stmts:
                self.stmt(st)
            self.expr(s.cond)
            self.scopes.pop()
        elif t is ast.If:
            for c, b in zip(s.tests, s.blocks):
                self.expr(c)
                self.block(b)
            if s.orelse is not None:
                self.block(s.orelse)
        elif t is ast.NumericFor:
            self.expr(s.start)
            self.expr(s.stop)
            if s.step is not None:
                self.expr(s.step)
            self.block(s.body, (s, [s.var]))
        elif t is ast.GenericFor:
            for e in s.exprs:
                self.expr(e)
            self.block(s.body, (s, s.names))
        elif t is ast.FunctionStat:
            self.expr(s.target)
            if type(s.target) is ast.Name:
                self.assign(s.target.name)
            self.function(s.func)
        elif t is ast.Return:
            for e in s.exprs:
                self.expr(e)

    def expr(self, e):
        t = type(e)
        if t is ast.Name:
            self.use(e.name)
        elif t is ast.Index:
            self.expr(e.obj)
            self.expr(e.key)
        elif t is ast.Call:
            self.expr(e.func)
            for a in e.args:
                self.expr(a)
        elif t is ast.MethodCall:
            self.expr(e.obj)
            for a in e.args:
                self.expr(a)
        elif t is ast.Paren:
            self.expr(e.expr)
        elif t is ast.BinOp:
            self.expr(e.left)
            self.expr(e.right)
        elif t is ast.UnOp:
            self.expr(e.operand)
        elif t is ast.Table:
            for f in e.fields:
                if f.key is not None:
                    self.expr(f.key)
                self.expr(f.value)
        elif t is ast.Function:
            self.function(e)


def mark_captured(chunk: ast.Chunk) -> None:
    r = _Resolver()
    r.func = chunk
    env = Var("_ENV", chunk)  # _ENV is the main chunk's upvalue
    r.scopes.append({"_ENV": env})
    r.block(chunk.body)
    chunk._decls = [env]


def captured_flags(node) -> list[bool]:
    return [d.captured for d in node._decls]


def fixed_flags(node) -> list[bool]:
    """For each local `node` declares: whether only its declaration writes it (closures may take its value as
    fixed once it is initialised)."""
    return [not d.assigned for d in node._decls]
