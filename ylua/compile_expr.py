"""Expression compilation (the part of PUC's lcode.c that turns expressions into register code)."""

from __future__ import annotations

import math

from ylua import ast
from ylua import opcodes as op
from ylua.errors import LuaSyntaxError
from ylua.numconv import wrap_int

ARITH = {
    "+": op.ADD, "-": op.SUB, "*": op.MUL, "/": op.DIV, "%": op.MOD, "^": op.POW, "//": op.IDIV,
    "&": op.BAND, "|": op.BOR, "~": op.BXOR, "<<": op.SHL, ">>": op.SHR,
}
UNARY = {"-": op.UNM, "not": op.NOT, "#": op.LEN, "~": op.BNOT}
# comparison -> (opcode, swap operands, negate)
COMPARE = {
    "==": (op.EQ, False, False), "~=": (op.EQ, False, True),
    "<": (op.LT, False, False), "<=": (op.LE, False, False),
    ">": (op.LT, True, False), ">=": (op.LE, True, False),
}
CONST_NODES = (ast.Nil, ast.TrueExpr, ast.FalseExpr, ast.Number, ast.String)
MULTI = (ast.Call, ast.MethodCall, ast.Vararg)
FIELDS_PER_FLUSH = 50


def const_value(e):
    t = type(e)
    if t is ast.Nil:
        return None
    if t is ast.TrueExpr:
        return True
    if t is ast.FalseExpr:
        return False
    return e.value


def fold(opname: str, a, b):
    """Constant-fold a binary operation on numbers when it is safe; None when not folded."""
    if type(a) not in (int, float) or type(b) not in (int, float):
        return None
    try:
        if opname == "+":
            r = a + b
        elif opname == "-":
            r = a - b
        elif opname == "*":
            r = a * b
        elif opname == "/":
            if b == 0:
                return None
            r = a / b
        elif opname == "^":
            if a == 0 and b < 0:
                return None
            r = float(a) ** b
        else:
            return None
    except (OverflowError, ZeroDivisionError, ValueError):
        return None
    if type(r) is int:
        return ast.Number(0, wrap_int(r))
    if type(r) is float and (math.isnan(r) or math.isinf(r) or r == 0):
        return None
    if type(r) is complex:
        return None
    return ast.Number(0, r)


class ExprCompiler:
    """Mixin for the Compiler: needs self.fs (FuncState) and self.function(node) -> proto index."""

    def syntax_error(self, msg, line=None):
        raise LuaSyntaxError(f"{self.fs.proto.source}:{line or self.fs.line}: {msg}")

    # ------------------------------------------------------------ names

    def resolve(self, name: str):
        """('local', VarInfo) | ('upval', index) | ('const', value) | ('global', None)"""
        fs = self.fs
        v = fs.find_local(name)
        if v is not None:
            if v.kind == "const":
                return ("const", v.value)
            return ("local", v)
        idx = fs.find_upval(name)
        if idx is None:
            return ("global", None)
        if type(idx) is tuple:
            return idx
        return ("upval", idx)

    def env_access(self):
        """How to reach _ENV: ('upval', idx) or ('reg', reg) (a register holding the table)."""
        kind, info = self.resolve("_ENV")
        if kind == "upval":
            return ("upval", info)
        if kind == "local":
            if info.kind == "reg":
                return ("reg", info.reg)
            tmp = self.fs.alloc()
            self.fs.emit(op.GETCELL, tmp, info.reg)
            return ("reg", tmp)
        self.syntax_error("cannot resolve _ENV")

    # ------------------------------------------------------------ values into registers

    def exp2reg(self, e, reg: int):
        """Emit code that puts the (first) value of `e` into register `reg`."""
        fs = self.fs
        t = type(e)
        if e.line:
            fs.line = e.line
        if t in CONST_NODES:
            v = const_value(e)
            if v is None:
                fs.emit(op.LOADNIL, reg, 0)
            else:
                fs.emit(op.LOADK, reg, fs.const(v))
        elif t is ast.Name:
            kind, info = self.resolve(e.name)
            if kind == "local":
                if info.kind == "reg":
                    if info.reg != reg:
                        fs.emit(op.MOVE, reg, info.reg)
                else:
                    fs.emit(op.GETCELL, reg, info.reg)
            elif kind == "upval":
                fs.emit(op.GETUPVAL, reg, info)
            elif kind == "const":
                self.exp2reg(ast.Number(0, info) if type(info) in (int, float) else _const_node(info), reg)
            else:
                self.global_get(e.name, reg)
        elif t is ast.Index:
            self.index_get(e, reg)
        elif t is ast.Call or t is ast.MethodCall:
            self.call(e, reg, 1)
        elif t is ast.Vararg:
            check_not_vararg(fs, e.line)
            fs.emit(op.VARARG, reg, 2)
        elif t is ast.Paren:
            self.exp2reg(e.expr, reg)
        elif t is ast.Function:
            fs.emit(op.CLOSURE, reg, self.function(e))
        elif t is ast.Table:
            self.table(e, reg)
        elif t is ast.BinOp:
            self.binop(e, reg)
        elif t is ast.UnOp:
            self.unop(e, reg)
        else:
            raise AssertionError(f"unknown expression {e!r}")

    def exp2anyreg(self, e) -> int:
        """A register holding the value of `e`: a plain local's own register, or a new temporary."""
        if type(e) is ast.Name:
            kind, info = self.resolve(e.name)
            if kind == "local" and info.kind == "reg":
                return info.reg
        if type(e) is ast.Paren and type(e.expr) is ast.Name:
            return self.exp2anyreg(e.expr)
        reg = self.fs.alloc()
        self.exp2reg(e, reg)
        return reg

    def exp2rk(self, e) -> int:
        """An X operand for `e`: a constant when `e` is a literal, else a register."""
        e = self.folded(e)
        if type(e) in CONST_NODES:
            return self.fs.rk_const(const_value(e))
        if type(e) is ast.Name:
            kind, info = self.resolve(e.name)
            if kind == "const":
                return self.fs.rk_const(info)
        return self.exp2anyreg(e)

    def folded(self, e):
        if type(e) is ast.UnOp and e.op == "-":
            inner = self.folded(e.operand)
            if type(inner) is ast.Number:
                v = inner.value
                if type(v) is int:
                    return ast.Number(e.line, wrap_int(-v))
                if v != 0:
                    return ast.Number(e.line, -v)
        elif type(e) is ast.BinOp and e.op in ("+", "-", "*", "/", "^"):
            left, right = self.folded(e.left), self.folded(e.right)
            if type(left) is ast.Number and type(right) is ast.Number:
                r = fold(e.op, left.value, right.value)
                if r is not None:
                    r.line = e.line
                    return r
        elif type(e) is ast.Paren:
            inner = self.folded(e.expr)
            if type(inner) in CONST_NODES:
                return inner
        return e

    # ------------------------------------------------------------ globals and indexing

    def global_get(self, name: str, reg: int):
        fs = self.fs
        save = fs.freereg
        kind, where = self.env_access()
        if kind == "upval":
            fs.emit(op.GETTABUP, reg, where, fs.const(name.encode()))
        else:
            fs.emit(op.GETFIELD, reg, where, fs.const(name.encode()))
        fs.free_to(save)

    def index_get(self, e: ast.Index, reg: int):
        fs = self.fs
        save = fs.freereg
        obj = self.exp2anyreg(e.obj)
        key = self.folded(e.key)
        fs.line = e.line
        if type(key) is ast.String:
            fs.emit(op.GETFIELD, reg, obj, fs.const(key.value))
        elif type(key) in CONST_NODES and type(key) is not ast.Nil:
            fs.emit(op.GETINDEX, reg, obj, fs.rk_const(const_value(key)))
        else:
            k = self.exp2anyreg(key)
            fs.line = e.line
            fs.emit(op.GETTABLE, reg, obj, k)
        fs.free_to(save)

    # ------------------------------------------------------------ operators

    def binop(self, e: ast.BinOp, reg: int):
        fs = self.fs
        folded = self.folded(e)
        if folded is not e:
            self.exp2reg(folded, reg)
            return
        o = e.op
        if o == "and" or o == "or":
            self.exp2reg(e.left, reg)
            fs.line = e.line
            j = fs.emit(op.TEST, reg, 1 if o == "or" else 0, 0, -1)
            save = fs.freereg
            self.exp2reg(e.right, reg)
            fs.free_to(save)
            fs.patch_here([j])
            return
        if o in COMPARE:
            jumps = self.cond_jump(e, True)
            fs.emit(op.LOADK, reg, fs.const(False))
            j = fs.jump()
            fs.patch_here(jumps)
            fs.emit(op.LOADK, reg, fs.const(True))
            fs.patch_here([j])
            return
        save = fs.freereg
        if o == "..":
            self.concat(e, reg)
            return
        b = self.exp2rk(e.left)
        c = self.exp2rk(e.right)
        fs.line = e.line
        fs.emit(ARITH[o], reg, b, c)
        fs.free_to(save)

    def concat(self, e: ast.BinOp, reg: int):
        """`a .. b .. c` (right associative) evaluates all operands into consecutive registers, one CONCAT."""
        fs = self.fs
        parts = []
        node = e
        while type(node) is ast.BinOp and node.op == "..":
            parts.append(node.left)
            node = node.right
        parts.append(node)
        save = fs.freereg
        base = fs.alloc(len(parts))
        for i, p in enumerate(parts):
            self.exp2reg(p, base + i)
        fs.line = e.line
        fs.emit(op.CONCAT, reg, base, base + len(parts) - 1)
        fs.free_to(save)

    def unop(self, e: ast.UnOp, reg: int):
        fs = self.fs
        folded = self.folded(e)
        if folded is not e:
            self.exp2reg(folded, reg)
            return
        save = fs.freereg
        b = self.exp2anyreg(e.operand)
        fs.line = e.line
        fs.emit(UNARY[e.op], reg, b)
        fs.free_to(save)

    # ------------------------------------------------------------ conditions

    def cond_jump(self, e, jump_if: bool) -> list[int]:
        """Emit code that jumps (to the returned, unpatched jumps) when truthy(e) == jump_if, else falls through."""
        fs = self.fs
        e = self.folded(e)
        t = type(e)
        if t in CONST_NODES:
            truthy = const_value(e) not in (None, False)
            return [fs.jump()] if truthy == jump_if else []
        if t is ast.UnOp and e.op == "not":
            return self.cond_jump(e.operand, not jump_if)
        if t is ast.Paren:
            return self.cond_jump(e.expr, jump_if)
        if t is ast.BinOp:
            if e.op == "and":
                if jump_if:
                    false_jumps = self.cond_jump(e.left, False)
                    true_jumps = self.cond_jump(e.right, True)
                    fs.patch_here(false_jumps)
                    return true_jumps
                return self.cond_jump(e.left, False) + self.cond_jump(e.right, False)
            if e.op == "or":
                if jump_if:
                    return self.cond_jump(e.left, True) + self.cond_jump(e.right, True)
                true_jumps = self.cond_jump(e.left, True)
                false_jumps = self.cond_jump(e.right, False)
                fs.patch_here(true_jumps)
                return false_jumps
            if e.op in COMPARE:
                opcode, swap, negate = COMPARE[e.op]
                save = fs.freereg
                b = self.exp2rk(e.left)
                c = self.exp2rk(e.right)
                if swap:
                    b, c = c, b
                fs.free_to(save)
                fs.line = e.line
                return [fs.emit(opcode, int(jump_if != negate), b, c, -1)]
        save = fs.freereg
        r = self.exp2anyreg(e)
        fs.free_to(save)
        return [fs.emit(op.TEST, r, int(jump_if), 0, -1)]

    # ------------------------------------------------------------ calls and multiple values

    def call(self, e, reg: int, nresults: int):
        """Call `e` with results in reg, reg+1, ... (nresults = -1: all of them, setting top).
        The call is placed at the top of the register stack; with nresults = -1, reg must be that top."""
        fs = self.fs
        save = fs.freereg
        base = reg if reg == fs.freereg - 1 else fs.alloc()
        if type(e) is ast.MethodCall:
            obj = self.exp2anyreg(e.obj)
            fs.free_to(base + 1)
            fs.alloc(1)
            fs.line = e.line
            fs.emit(op.SELF, base, obj, fs.rk_const(e.method.encode()))
            nfixed = 1
        else:
            self.exp2reg(e.func, base)
            fs.free_to(base + 1)
            nfixed = 0
        nargs = self.explist(e.args, base + 1 + nfixed, -1)
        fs.line = e.line
        fs.emit(op.CALL, base, 0 if nargs < 0 else nargs + nfixed + 1, nresults + 1)
        if base != reg:
            for i in range(max(nresults, 1)):
                fs.emit(op.MOVE, reg + i, base + i)
        fs.free_to(save)

    def explist(self, exprs, reg: int, want: int) -> int:
        """Evaluate `exprs` into reg, reg+1, ...; adjust to `want` values (-1: keep all, the last one multiple).
        Returns the number of values placed, or -1 when the count is only known at run time (top is set).
        Leaves freereg at least past the values placed."""
        fs = self.fs
        n = len(exprs)
        for i, e in enumerate(exprs):
            r = reg + i
            if i == n - 1 and type(e) in MULTI and (want < 0 or want > i):
                nres = -1 if want < 0 else want - i
                fs.reserve_to(r + 1)
                self.multi(e, r, nres)
                return -1 if want < 0 else want
            if want >= 0 and i >= want:
                save = fs.freereg
                self.exp2anyreg(e)  # evaluated for its side effects, the value is dropped
                fs.free_to(save)
            else:
                fs.reserve_to(r + 1)
                fs.free_to(r + 1)
                self.exp2reg(e, r)
        if want < 0:
            return n
        if n < want:
            fs.reserve_to(reg + want)
            fs.emit(op.LOADNIL, reg + n, want - n - 1)
        return want

    def multi(self, e, reg: int, nresults: int):
        """A call or `...` producing nresults values at reg (-1: all, setting top); reg is the top register."""
        fs = self.fs
        if type(e) is ast.Vararg:
            check_not_vararg(fs, e.line)
            fs.line = e.line
            fs.emit(op.VARARG, reg, nresults + 1)
        else:
            fs.free_to(reg)
            fs.alloc(1)  # the call's base: through alloc, so that max_stack counts it
            self.call(e, reg, nresults)
        if nresults > 0:
            fs.reserve_to(reg + nresults)

    # ------------------------------------------------------------ table constructors

    def table(self, e: ast.Table, reg: int):
        fs = self.fs
        save = fs.freereg
        npos = sum(1 for f in e.fields if f.kind == "pos")
        fs.line = e.line
        t = reg if reg == fs.freereg - 1 else fs.alloc()
        fs.emit(op.NEWTABLE, t, npos, len(e.fields) - npos)
        pending = 0
        flushed = 0
        n = len(e.fields)
        for i, f in enumerate(e.fields):
            if f.kind == "pos":
                r = t + 1 + pending
                if fs.freereg <= r:
                    fs.alloc(r + 1 - fs.freereg)
                if i == n - 1 and type(f.value) in MULTI:
                    self.multi(f.value, r, -1)
                    fs.emit(op.SETLIST, t, 0, flushed)
                    pending = 0
                    break
                self.exp2reg(f.value, r)
                fs.free_to(r + 1)
                pending += 1
                if pending == FIELDS_PER_FLUSH:
                    fs.emit(op.SETLIST, t, pending, flushed)
                    flushed += pending
                    pending = 0
                    fs.free_to(t + 1)
            else:
                inner = fs.freereg
                key = self.folded(f.key)
                if type(key) is ast.String:
                    val = self.exp2rk(f.value)
                    fs.line = f.line
                    fs.emit(op.SETFIELD, t, fs.const(key.value), val)
                else:
                    k = self.exp2rk(key)
                    val = self.exp2rk(f.value)
                    fs.line = f.line
                    fs.emit(op.SETTABLE, t, k, val)
                fs.free_to(inner)
        if pending:
            fs.emit(op.SETLIST, t, pending, flushed)
        if t != reg:
            fs.emit(op.MOVE, reg, t)
        fs.free_to(save)


def _const_node(v):
    if v is None:
        return ast.Nil(0)
    if v is True:
        return ast.TrueExpr(0)
    if v is False:
        return ast.FalseExpr(0)
    if type(v) is bytes:
        return ast.String(0, v)
    return ast.Number(0, v)


def check_not_vararg(fs, line):
    if not fs.proto.is_vararg:
        raise LuaSyntaxError(f"{fs.proto.source}:{line}: cannot use '...' outside a vararg function near '...'")
