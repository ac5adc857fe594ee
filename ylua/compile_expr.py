"""Expression compilation (the part of PUC's lcode.c that turns expressions into register code).

Two shapes of expression can be as long as a chunk, because PUC reads them without recursion: a chain of
left-associative operators (`a + b + c ...`, `x and y or z ...`, `a == b == c ...`: the left operand of each is the
one before) and a chain of suffixes (`a.b.c ...`, `f()()() ...`, `o:m():n() ...`). They are compiled in loops,
innermost first, with one working register that each step reuses (as PUC reuses the left operand's), so their
length meets neither Python's recursion limit nor the register limit. Everything else nests at most as deep as the
parser allows (ylua.parser.MAX_LEVELS).
"""

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
FOLDABLE = frozenset(["+", "-", "*", "/", "^"])
AND_OR = frozenset(["and", "or"])
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


def left_spine(e: ast.BinOp, ops):
    """`e` and the operators among `ops` that are its left operand, that one's left operand and so on (outermost
    first), and the first left operand that is not one of them."""
    spine = [e]
    n = e.left
    while type(n) is ast.BinOp and n.op in ops:
        spine.append(n)
        n = n.left
    return spine, n


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
        lst = fs.scope.get(name)
        if lst:
            v = lst[-1]
            if v.kind == "const":
                return ("const", v.value)
            return ("local", v)
        idx = fs.find_upval(name)
        if idx is None:
            return ("global", None)
        if type(idx) is tuple:
            return idx
        return ("upval", idx)

    def local_reg(self, e) -> int:
        """The register of `e` when it is a local of this function kept in its register (or that in parentheses),
        else -1."""
        while type(e) is ast.Paren:
            e = e.expr
        if type(e) is ast.Name:
            lst = self.fs.scope.get(e.name)
            if lst and lst[-1].kind == "reg":
                return lst[-1].reg
        return -1

    def env_access(self):
        """How to reach _ENV: ('upval', idx) or ('reg', reg) (a register holding the table)."""
        kind, info = self.resolve("_ENV")
        if kind == "upval":
            return ("upval", info)
        if kind == "local" and info.kind == "reg":
            return ("reg", info.reg)
        tmp = self.fs.alloc()
        if kind == "local":
            self.fs.emit(op.GETCELL, tmp, info.reg)
        elif kind == "const":  # `local _ENV <const> = 1`: indexing it fails at run time, as in PUC
            self.exp2reg(_const_node(info), tmp)
        else:
            self.syntax_error("cannot resolve _ENV")
        return ("reg", tmp)

    # ------------------------------------------------------------ values into registers

    def exp2reg(self, e, reg: int):
        """Emit code that puts the (first) value of `e` into register `reg`."""
        fs = self.fs
        t = type(e)
        if e.line:
            fs.line = e.line
        if t is ast.Name:  # (the commonest instructions are appended here without fs.emit)
            lst = fs.scope.get(e.name)
            if lst:
                v = lst[-1]
                if v.kind == "reg":
                    if v.reg != reg:
                        fs.code.append((op.MOVE, reg, v.reg, 0, 0))
                        fs.lines.append(fs.line)
                elif v.kind == "cell":
                    fs.code.append((op.GETCELL, reg, v.reg, 0, 0))
                    fs.lines.append(fs.line)
                else:
                    self.exp2reg(_const_node(v.value), reg)
                return
            idx = fs.find_upval(e.name)
            if idx is None:  # a global: _ENV[name]
                if "_ENV" not in fs.scope:
                    env = fs.env
                    if env is None:
                        env = fs.env = fs.find_upval("_ENV")
                    if type(env) is int:
                        k = fs.name_consts.get(e.name)
                        fs.code.append((op.GETTABUP, reg, env, fs.name_const(e.name) if k is None else k, 0))
                        fs.lines.append(fs.line)
                        return
                save = fs.freereg
                kind, where = self.env_access()
                fs.emit(op.GETTABUP if kind == "upval" else op.GETFIELD, reg, where, fs.name_const(e.name))
                fs.freereg = save
            elif type(idx) is tuple:
                self.exp2reg(_const_node(idx[1]), reg)
            else:
                fs.emit(op.GETUPVAL, reg, idx)
        elif t is ast.String or t is ast.Number:
            fs.code.append((op.LOADK, reg, fs.const(e.value), 0, 0))
            fs.lines.append(fs.line)
        elif t in CONST_NODES:
            v = const_value(e)
            if v is None:
                fs.emit(op.LOADNIL, reg, 0)
            else:
                fs.emit(op.LOADK, reg, fs.const(v))
        elif t is ast.Index or t is ast.Call or t is ast.MethodCall:
            self.suffixed(e, reg, 1)
        elif t is ast.BinOp:
            o = e.op
            if o in ARITH:
                self.arith(e, reg)
            elif o == "and" or o == "or":
                self.and_or(e, reg)
            elif o == "..":
                self.concat(e, reg)
            else:
                self.compare(e, reg)
        elif t is ast.UnOp:
            self.unop(e, reg)
        elif t is ast.Paren:
            self.exp2reg(e.expr, reg)
        elif t is ast.Vararg:
            check_not_vararg(fs, e.line)
            fs.emit(op.VARARG, reg, 2)
        elif t is ast.Function:
            fs.emit(op.CLOSURE, reg, self.function(e))
        elif t is ast.Table:
            self.table(e, reg)
        else:
            raise AssertionError(f"unknown expression {e!r}")

    def exp2anyreg(self, e) -> int:
        """A register holding the value of `e`: a plain local's own register, or a new temporary."""
        reg = self.local_reg(e)
        if reg < 0:
            reg = self.fs.alloc()
            self.exp2reg(e, reg)
        return reg

    def exp2rk(self, e) -> int:
        """An X operand for `e`: a constant when `e` is a literal, else a register."""
        fs = self.fs
        t = type(e)
        if t is ast.Name:
            lst = fs.scope.get(e.name)
            if lst:
                v = lst[-1]
                if v.kind == "reg":
                    return v.reg
                if v.kind == "const":
                    return fs.rk_const(v.value)
            else:
                idx = fs.find_upval(e.name)
                if type(idx) is tuple:
                    return fs.rk_const(idx[1])
        else:
            if t is ast.BinOp or t is ast.UnOp or t is ast.Paren:
                e = self.folded(e)
                t = type(e)
            if t is ast.Number or t is ast.String:
                return -1 - fs.const(e.value)
            if t in CONST_NODES:
                return fs.rk_const(const_value(e))
            if t is ast.Paren:
                return self.exp2anyreg(e)
        reg = fs.freereg
        fs.freereg = reg + 1
        if reg >= fs.proto.max_stack:
            fs.freereg = reg
            fs.alloc()
        self.exp2reg(e, reg)
        return reg

    def folded(self, e):
        """`e`, or the constant it folds to."""
        t = type(e)
        if t is ast.BinOp:
            if e.op not in FOLDABLE:
                return e
            spine, n = left_spine(e, FOLDABLE)
            acc = self.folded(n)
            if type(acc) is not ast.Number:
                return e
            for node in reversed(spine):
                right = self.folded(node.right)
                if type(right) is not ast.Number:
                    return e
                acc = fold(node.op, acc.value, right.value)
                if acc is None:
                    return e
                acc.line = node.line
            return acc
        if t is ast.UnOp and e.op == "-":
            inner = self.folded(e.operand)
            if type(inner) is ast.Number:
                v = inner.value
                if type(v) is int:
                    return ast.Number(e.line, wrap_int(-v))
                if v != 0:
                    return ast.Number(e.line, -v)
        elif t is ast.Paren:
            inner = self.folded(e.expr)
            if type(inner) in CONST_NODES:
                return inner
        return e

    # ------------------------------------------------------------ indexes and calls

    def suffixed(self, e, reg: int, nresults: int):
        """An index or a call, and the indexes and calls it applies to, innermost first: the value (or
        `nresults` values of a call: -1 all, setting top) into `reg`. Calls are placed at the top of the register
        stack; with nresults = -1, reg must be that top."""
        fs = self.fs
        te = type(e)
        n = e.func if te is ast.Call else e.obj
        t = type(n)
        if t is ast.Call or t is ast.Index or t is ast.MethodCall:
            chain = [e]
            while t is ast.Call or t is ast.Index or t is ast.MethodCall:
                chain.append(n)
                n = n.func if t is ast.Call else n.obj
                t = type(n)
        else:
            chain = None  # e alone
        save = fs.freereg
        innermost = e if chain is None else chain[-1]
        cur = -1 if type(innermost) is ast.Call else self.local_reg(n)
        work = -1  # the register that holds each step's value, and the base of calls
        if cur < 0 or chain is not None or te is not ast.Index:
            work = reg if reg == save - 1 and reg >= fs.top else fs.alloc()
            if cur < 0:
                self.exp2reg(n, work)
                cur = work
        i = 1 if chain is None else len(chain)
        while i:
            i -= 1
            node = e if chain is None else chain[i]
            t = type(node)
            if t is ast.Index:
                if type(node.key) is ast.String:  # index_into's commonest case, inline
                    fs.line = node.line
                    fs.code.append((op.GETFIELD, reg if i == 0 else work, cur, fs.const(node.key.value), 0))
                    fs.lines.append(node.line)
                else:
                    self.index_into(node, cur, reg if i == 0 else work)
                cur = work
                continue
            if t is ast.MethodCall:
                if fs.freereg < work + 2:
                    fs.alloc(work + 2 - fs.freereg)
                fs.freereg = work + 2
                fs.line = node.line
                fs.emit(op.SELF, work, cur, -1 - fs.name_const(node.method))
                nfixed = 1
            else:
                fs.freereg = work + 1
                if cur != work:
                    fs.emit(op.MOVE, work, cur)
                nfixed = 0
            nargs = self.explist(node.args, work + 1 + nfixed, -1) if node.args else 0
            fs.line = node.line
            fs.code.append((op.CALL, work, 0 if nargs < 0 else nargs + nfixed + 1, (nresults if i == 0 else 1) + 1, 0))
            fs.lines.append(node.line)
            cur = work
        if te is not ast.Index and work != reg:
            for i in range(max(nresults, 1)):
                fs.emit(op.MOVE, reg + i, work + i)
        fs.freereg = save

    def index_into(self, e: ast.Index, obj: int, reg: int):
        """reg := obj[e.key]"""
        fs = self.fs
        key = e.key
        t = type(key)
        if t is ast.BinOp or t is ast.UnOp or t is ast.Paren:
            key = self.folded(key)
            t = type(key)
        fs.line = e.line
        if t is ast.String:
            fs.emit(op.GETFIELD, reg, obj, fs.const(key.value))
        elif t in CONST_NODES and t is not ast.Nil:
            fs.emit(op.GETINDEX, reg, obj, fs.rk_const(const_value(key)))
        else:
            save = fs.freereg
            k = self.exp2anyreg(key)
            fs.line = e.line
            fs.emit(op.GETTABLE, reg, obj, k)
            fs.freereg = save

    # ------------------------------------------------------------ operators

    def arith(self, e: ast.BinOp, reg: int):
        """An arithmetic or bitwise operator, and those of its left operand, its left operand's and so on, bottom
        up: constants fold as far up as they go, then each step's result goes to one working register."""
        fs = self.fs
        spine, n = left_spine(e, ARITH)
        i = len(spine) - 1
        acc = self.folded(n)
        while i >= 0 and type(acc) is ast.Number and spine[i].op in FOLDABLE:
            right = self.folded(spine[i].right)
            if type(right) is not ast.Number:
                break
            r = fold(spine[i].op, acc.value, right.value)
            if r is None:
                break
            r.line = spine[i].line
            acc = r
            i -= 1
        if i < 0:
            self.exp2reg(acc, reg)
            return
        save = fs.freereg
        b = self.exp2rk(acc)
        work = -1
        while i > 0:
            node = spine[i]
            if work < 0:
                work = b if b >= save else fs.alloc()
            c = self.exp2rk(node.right)
            fs.line = node.line
            fs.emit(ARITH[node.op], work, b, c)
            fs.freereg = work + 1
            b = work
            i -= 1
        c = self.exp2rk(e.right)
        fs.line = e.line
        fs.emit(ARITH[e.op], reg, b, c)
        fs.freereg = save

    def and_or(self, e: ast.BinOp, reg: int):
        """`a and b`, `a or b` (and their left operands of the same kind), the value of each operand into reg."""
        fs = self.fs
        spine, n = left_spine(e, AND_OR)
        self.exp2reg(n, reg)
        for node in reversed(spine):
            fs.line = node.line
            j = fs.emit(op.TEST, reg, 1 if node.op == "or" else 0, 0, -1)
            save = fs.freereg
            self.exp2reg(node.right, reg)
            fs.freereg = save
            fs.patch_here([j])

    def compare(self, e: ast.BinOp, reg: int):
        """The boolean value of a comparison (and of comparisons that are its left operand)."""
        fs = self.fs
        spine, n = left_spine(e, COMPARE)
        save = fs.freereg
        b = self.exp2rk(n)
        work = -1
        for i in range(len(spine) - 1, -1, -1):
            node = spine[i]
            if i > 0 and work < 0:
                work = b if b >= save else fs.alloc()
            c = self.exp2rk(node.right)
            jump = self.compare_jump(node, b, c, True)
            dst = reg if i == 0 else work
            fs.freereg = work + 1 if work >= 0 else save
            code = fs.code
            code.append((op.LOADK, dst, fs.const(False), 0, 0))
            code.append((op.JMP, len(code) + 2, 0, 0, 0))
            o, a, b, c, _ = code[jump]
            code[jump] = (o, a, b, c, len(code))
            code.append((op.LOADK, dst, fs.const(True), 0, 0))
            fs.lines += (fs.line, fs.line, fs.line)
            b = dst
        fs.freereg = save

    def compare_jump(self, e: ast.BinOp, b: int, c: int, jump_if: bool) -> int:
        """The conditional jump of comparison `e` of operands b and c, taken when its result is `jump_if`."""
        opcode, swap, negate = COMPARE[e.op]
        if swap:
            b, c = c, b
        self.fs.line = e.line
        return self.fs.emit(opcode, int(jump_if != negate), b, c, -1)

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
        fs.freereg = save

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
        fs.freereg = save

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
            if e.op == "and" or e.op == "or":
                return self.and_or_jump(e, jump_if)
            if e.op in COMPARE:
                save = fs.freereg
                b = self.exp2rk(e.left)
                c = self.exp2rk(e.right)
                fs.freereg = save
                return [self.compare_jump(e, b, c, jump_if)]
        save = fs.freereg
        r = self.exp2anyreg(e)
        fs.freereg = save
        return [fs.emit(op.TEST, r, int(jump_if), 0, -1)]

    def and_or_jump(self, e: ast.BinOp, jump_if: bool) -> list[int]:
        """cond_jump of `a and b` / `a or b`, and of the and/or operators that are its left operand, bottom up:
        the left operand of an 'and' jumps away when false, that of an 'or' when true."""
        fs = self.fs
        spine = [(e, jump_if)]
        n = e
        while type(n.left) is ast.BinOp and (n.left.op == "and" or n.left.op == "or"):
            spine.append((n.left, n.op == "or"))
            n = n.left
        jumps = self.cond_jump(n.left, n.op == "or")
        for node, want in reversed(spine):
            if (node.op == "and") == want:  # the left operand's jumps skip the right one
                right = self.cond_jump(node.right, want)
                fs.patch_here(jumps)
                jumps = right
            else:
                jumps.extend(self.cond_jump(node.right, want))
        return jumps

    # ------------------------------------------------------------ calls and multiple values

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
                fs.freereg = save
            else:
                if fs.freereg <= r:
                    fs.alloc(r + 1 - fs.freereg)
                fs.freereg = r + 1
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
            fs.freereg = reg
            fs.alloc(1)  # the call's base: through alloc, so that max_stack counts it
            self.suffixed(e, reg, nresults)
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
                fs.freereg = r + 1
                pending += 1
                if pending == FIELDS_PER_FLUSH:
                    fs.emit(op.SETLIST, t, pending, flushed)
                    flushed += pending
                    pending = 0
                    fs.freereg = t + 1
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
                fs.freereg = inner
        if pending:
            fs.emit(op.SETLIST, t, pending, flushed)
        if t != reg:
            fs.emit(op.MOVE, reg, t)
        fs.freereg = save


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
