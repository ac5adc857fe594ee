"""A pre-pass over the AST that finds the locals captured by closures.

The compiler keeps captured locals in Cell objects (shared by the closures that capture them, and fresh on every
execution of the declaration, which gives Lua 5.4's fresh-per-iteration loop variables). It must know at the
declaration whether a local is captured, so this pass runs first and attaches a list `captured` (one bool per name
declared) to every declaring node: Local, LocalFunction, NumericFor, GenericFor, Function (its parameters).
"""

from __future__ import annotations

from ylua import ast


class _Decl:
    __slots__ = ("captured", "func")

    def __init__(self, func):
        self.func = func
        self.captured = False


class _Resolver:
    def __init__(self):
        self.scopes: list[dict[str, _Decl]] = []
        self.func = None

    def declare(self, node, names):
        decls = []
        for name in names:
            d = _Decl(self.func)
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
    r.scopes.append({"_ENV": _Decl(None)})  # _ENV is the main chunk's upvalue
    r.block(chunk.body)


def captured_flags(node) -> list[bool]:
    return [d.captured for d in node._decls]
