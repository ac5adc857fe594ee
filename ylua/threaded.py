"""Threaded code: every instruction of a prototype becomes a small Python closure `h(R, U) -> next pc`.

R is the frame's register list, U the running closure's upvalue cells. The operands of the instruction are bound
into the closure when it is built, so executing an instruction is one call with no decoding. Instructions that
need the dispatch loop itself (calls, returns, varargs, anything that switches frames) return `~pc`, a negative
number, and the loop carries them out (ylua/vm.py).

The hottest instructions (ADD/SUB/MUL, comparisons, table access) are written out per operand kind (register or
constant) on purpose: a shared helper would cost a Python call per instruction.
"""

from __future__ import annotations


from ylua import arith
from ylua import opcodes as op
from ylua.numconv import float_to_int, fmt_number, wrap_int
from ylua.operand_error import OperandError
from ylua.table import InvalidKey, LuaTable
from ylua.values import Cell

MAXI = 2**63 - 1
MINI = -(2**63)
BUILDERS = {}


def builder(*opnames):
    def register(fn):
        for name in opnames:
            BUILDERS[getattr(op, name)] = fn
        return fn

    return register


def build_threaded(rt, proto) -> list:
    """The threaded code of `proto`. Also sets proto.plain: the same closures, but with the loop starts running
    their own semantics even when the JIT is on (in `threaded` they then signal the loop: the control point)."""
    plain = [BUILDERS[ins[0]](rt, proto, pc, *ins[1:]) for pc, ins in enumerate(proto.code)]
    proto.plain = plain
    if rt.jit_driver is None:
        return plain
    return [special(pc) if ins[0] in op.LOOP_STARTS else plain[pc] for pc, ins in enumerate(proto.code)]


def special(pc):
    signal = ~pc

    def h(R, U):
        return signal

    return h


for _name in ("CALL", "TAILCALL", "RETURN", "VARARG", "TBC", "CLOSE"):
    BUILDERS[getattr(op, _name)] = lambda rt, proto, pc, a, b, c, d: special(pc)


# ---------------------------------------------------------------- moves and constants


@builder("MOVE")
def _move(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        R[a] = R[b]
        return nxt

    return h


@builder("LOADK")
def _loadk(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    k = proto.consts[b]

    def h(R, U):
        R[a] = k
        return nxt

    return h


@builder("LOADNIL")
def _loadnil(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    end = a + b + 1
    nones = [None] * (b + 1)

    def h(R, U):
        R[a:end] = nones
        return nxt

    return h


@builder("GETUPVAL")
def _getupval(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        R[a] = U[b].v
        return nxt

    return h


@builder("SETUPVAL")
def _setupval(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        U[b].v = R[a]
        return nxt

    return h


@builder("NEWCELL")
def _newcell(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        R[a] = Cell(R[a])
        return nxt

    return h


@builder("GETCELL")
def _getcell(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        R[a] = R[b].v
        return nxt

    return h


@builder("SETCELL")
def _setcell(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    if b < 0:
        k = proto.consts[-1 - b]

        def h(R, U):
            R[a].v = k
            return nxt
    else:

        def h(R, U):
            R[a].v = R[b]
            return nxt

    return h


# ---------------------------------------------------------------- tables


@builder("GETTABUP")
def _gettabup(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    key = proto.consts[c]
    index = rt.index

    def h(R, U):
        t = U[b].v
        if type(t) is LuaTable:
            v = t.hash.get(key)
            if v is None and t.meta is not None:
                v = index(t, key)
            R[a] = v
        else:
            R[a] = index(t, key)
        return nxt

    return h


@builder("SETTABUP")
def _settabup(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    key = proto.consts[b]
    setindex = rt.setindex
    kc = c < 0
    kval = proto.consts[-1 - c] if kc else None

    def h(R, U):
        t = U[a].v
        v = kval if kc else R[c]
        if type(t) is LuaTable and t.meta is None and v is not None:
            if t._keys is None:
                t.hash[key] = v
            else:
                t.set_str(key, v)
        else:
            setindex(t, key, v)
        return nxt

    return h


@builder("GETFIELD")
def _getfield(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    key = proto.consts[c]
    index = rt.index

    def h(R, U):
        t = R[b]
        if type(t) is LuaTable:
            v = t.hash.get(key)
            if v is None and t.meta is not None:
                v = _via_index_table(t, key, index)
            R[a] = v
        else:
            R[a] = index(t, key)
        return nxt

    return h


def _via_index_table(t, key, index):
    """t[key] for a key absent from t, when t has a metatable: the common `__index = class table` case
    without a detour through the general chain."""
    idx = t.meta.hash.get(b"__index")
    if type(idx) is LuaTable:
        v = idx.hash.get(key) if type(key) is bytes else idx.get(key)
        if v is None and idx.meta is not None:
            return index(idx, key)
        return v
    if idx is None:
        return None
    return index(t, key)


@builder("GETTABLE", "GETINDEX")
def _gettable(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    index = rt.index
    kc = c < 0
    kval = proto.consts[-1 - c] if kc else None

    def h(R, U):
        t = R[b]
        k = kval if kc else R[c]
        if type(t) is LuaTable:
            if type(k) is int:
                arr = t.arr
                if 0 < k <= len(arr):
                    v = arr[k - 1]
                else:
                    v = t.hash.get(k)
            else:
                v = t.get(k)
            if v is None and t.meta is not None:
                v = index(t, k)
            R[a] = v
        else:
            R[a] = index(t, k)
        return nxt

    return h


@builder("SETFIELD")
def _setfield(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    key = proto.consts[b]
    setindex = rt.setindex
    kc = c < 0
    kval = proto.consts[-1 - c] if kc else None

    def h(R, U):
        t = R[a]
        v = kval if kc else R[c]
        if type(t) is LuaTable and v is not None:
            hash_part = t.hash
            if key in hash_part or (t.meta is None and t._keys is None):
                # an existing field (no __newindex applies) or a plain table with no traversal under way
                hash_part[key] = v
                return nxt
        setindex(t, key, v)
        return nxt

    return h


@builder("SETTABLE")
def _settable(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    setindex = rt.setindex
    kb, kc = b < 0, c < 0
    kkey = proto.consts[-1 - b] if kb else None
    kval = proto.consts[-1 - c] if kc else None

    def h(R, U):
        t = R[a]
        k = kkey if kb else R[b]
        v = kval if kc else R[c]
        if type(t) is LuaTable and t.meta is None:
            if type(k) is int and v is not None:
                arr = t.arr
                if 0 < k <= len(arr):
                    arr[k - 1] = v
                    return nxt
                if k == len(arr) + 1 and not t.hash:
                    arr.append(v)
                    return nxt
            try:
                t.set(k, v)
            except InvalidKey:
                setindex(t, k, v)
        else:
            setindex(t, k, v)
        return nxt

    return h


@builder("NEWTABLE")
def _newtable(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        R[a] = LuaTable()
        return nxt

    return h


@builder("SELF")
def _self(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    key = proto.consts[-1 - c] if c < 0 else None
    index = rt.index

    def h(R, U):
        obj = R[b]
        k = key if key is not None else R[c]
        R[a + 1] = obj
        if type(obj) is LuaTable:
            v = obj.hash.get(k)
            if v is None and obj.meta is not None:
                v = _via_index_table(obj, k, index)
            R[a] = v
        else:
            R[a] = index(obj, k)
        return nxt

    return h


@builder("SETLIST")
def _setlist(rt, proto, pc, a, b, c, d):
    if b == 0:
        return special(pc)
    nxt = pc + 1
    first = a + 1
    end = a + 1 + b

    def h(R, U):
        R[a].set_list(c + 1, R[first:end])
        return nxt

    return h


# ---------------------------------------------------------------- arithmetic


def _operands(proto, b, c):
    kb = proto.consts[-1 - b] if b < 0 else None
    kc = proto.consts[-1 - c] if c < 0 else None
    return b < 0, kb, c < 0, kc


# ADD, SUB and MUL are the hottest instructions: their handlers are generated from one template per operator (a
# shared helper taking the operator as an argument would cost a Python call per instruction).
_ARITH_TEMPLATE = """
def build(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    isk_b, kb, isk_c, kc = _operands(proto, b, c)
    slow = arith.arith
    if not isk_b and not isk_c:

        def h(R, U):
            x = R[b]
            y = R[c]
            if type(x) is int and type(y) is int:
                r = x OP y
                R[a] = r if MINI <= r <= MAXI else wrap_int(r)
            elif type(x) is float and type(y) is float:
                R[a] = x OP y
            else:
                R[a] = slow(rt, "OP", x, y)
            return nxt
    elif not isk_b and type(kc) is int:

        def h(R, U):
            x = R[b]
            if type(x) is int:
                r = x OP kc
                R[a] = r if MINI <= r <= MAXI else wrap_int(r)
            elif type(x) is float:
                R[a] = x OP kc
            else:
                R[a] = slow(rt, "OP", x, kc)
            return nxt
    else:
        return _generic_binop(rt, "OP", nxt, a, isk_b, kb, b, isk_c, kc, c)
    return h
"""


def _arith_builder(sym):
    namespace = {"_operands": _operands, "arith": arith, "MINI": MINI, "MAXI": MAXI, "wrap_int": wrap_int,
                 "_generic_binop": lambda *args: _generic_binop(*args)}
    exec(_ARITH_TEMPLATE.replace("OP", sym), namespace)  # noqa: S102 - our own template, one operator symbol
    return namespace["build"]


for _opname, _sym in (("ADD", "+"), ("SUB", "-"), ("MUL", "*")):
    BUILDERS[getattr(op, _opname)] = _arith_builder(_sym)


def _number_op(opname):
    """A fast function for two numbers of the same kind; None means 'take the slow path'."""
    if opname == "/":

        def f(x, y):
            if y:
                return x / y if type(x) is float or type(y) is float else float(x) / float(y)
            return arith.fdiv(float(x), float(y))
    elif opname == "//":

        def f(x, y):
            if type(x) is int and type(y) is int and y:
                return x // y if y != -1 else wrap_int(-x)
            return None
    elif opname == "%":

        def f(x, y):
            if type(x) is int and type(y) is int and y:
                return x % y
            return None
    else:
        return None
    return f


def _generic_binop(rt, opname, nxt, a, isk_b, kb, b, isk_c, kc, c):
    slow = arith.arith
    fast = _number_op(opname)

    def h(R, U):
        x = kb if isk_b else R[b]
        y = kc if isk_c else R[c]
        if fast is not None and (type(x) is int or type(x) is float) and (type(y) is int or type(y) is float):
            r = fast(x, y)
            if r is not None:
                R[a] = r
                return nxt
        R[a] = slow(rt, opname, x, y)
        return nxt

    return h


for _opname, _sym in op.ARITH_OPS.items():
    if getattr(op, _opname) not in BUILDERS:
        BUILDERS[getattr(op, _opname)] = (
            lambda sym: lambda rt, proto, pc, a, b, c, d: _generic_binop(
                rt, sym, pc + 1, a, *_reorder(_operands(proto, b, c), b, c)
            )
        )(_sym)


def _reorder(ops, b, c):
    isk_b, kb, isk_c, kc = ops
    return isk_b, kb, b, isk_c, kc, c


@builder("UNM")
def _unm(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        x = R[b]
        if type(x) is float:
            R[a] = -x
        elif type(x) is int:
            R[a] = -x if x != MINI else x
        else:
            R[a] = arith.unm(rt, x)
        return nxt

    return h


@builder("BNOT")
def _bnot(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        R[a] = arith.bnot(rt, R[b])
        return nxt

    return h


@builder("NOT")
def _not(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        x = R[b]
        R[a] = x is None or x is False
        return nxt

    return h


@builder("LEN")
def _len(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    slow = arith.length

    def h(R, U):
        x = R[b]
        if type(x) is LuaTable and x.meta is None:
            R[a] = len(x.arr)
        elif type(x) is bytes:
            R[a] = len(x)
        else:
            R[a] = slow(rt, x)
        return nxt

    return h


@builder("CONCAT")
def _concat(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    end = c + 1
    slow = arith.concat

    def h(R, U):
        vals = R[b:end]
        try:
            R[a] = b"".join(vals)
        except TypeError:
            # the target's old value is dead: it must not survive a collection that the conversion may run
            # (a value in a weak table that only this register still refers to)
            R[a] = None
            R[a] = slow(rt, vals)
        return nxt

    return h


# ---------------------------------------------------------------- jumps and comparisons


@builder("JMP")
def _jmp(rt, proto, pc, a, b, c, d):
    if b:
        return special(pc)

    def h(R, U):
        return a

    return h


@builder("LOOPHEAD")
def _loophead(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        return nxt

    return h


@builder("TEST")
def _test(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    if b:

        def h(R, U):
            x = R[a]
            return nxt if x is None or x is False else d
    else:

        def h(R, U):
            x = R[a]
            return d if x is None or x is False else nxt

    return h


@builder("LT")
def _lt(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    isk_b, kb, isk_c, kc = _operands(proto, b, c)
    slow = arith.lt
    on_true, on_false = (d, nxt) if a else (nxt, d)
    if not isk_b and not isk_c:

        def h(R, U):
            x = R[b]
            y = R[c]
            if (type(x) is int or type(x) is float) and (type(y) is int or type(y) is float):
                return on_true if x < y else on_false
            return on_true if slow(rt, x, y) else on_false
    else:

        def h(R, U):
            x = kb if isk_b else R[b]
            y = kc if isk_c else R[c]
            if (type(x) is int or type(x) is float) and (type(y) is int or type(y) is float):
                return on_true if x < y else on_false
            return on_true if slow(rt, x, y) else on_false

    return h


@builder("LE")
def _le(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    isk_b, kb, isk_c, kc = _operands(proto, b, c)
    slow = arith.le
    on_true, on_false = (d, nxt) if a else (nxt, d)

    def h(R, U):
        x = kb if isk_b else R[b]
        y = kc if isk_c else R[c]
        if (type(x) is int or type(x) is float) and (type(y) is int or type(y) is float):
            return on_true if x <= y else on_false
        return on_true if slow(rt, x, y) else on_false

    return h


@builder("EQ")
def _eq(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    isk_b, kb, isk_c, kc = _operands(proto, b, c)
    slow = arith.eq
    on_true, on_false = (d, nxt) if a else (nxt, d)
    if isk_c and (kc is None or type(kc) is bytes or type(kc) is bool):
        # comparing with nil, a string or a boolean: no metamethod can apply, no int/float mixing

        def h(R, U):
            x = kb if isk_b else R[b]
            return on_true if (x is kc or (type(x) is type(kc) and x == kc)) else on_false

        return h

    def h(R, U):
        x = kb if isk_b else R[b]
        y = kc if isk_c else R[c]
        tx = type(x)
        if tx is type(y) and (tx is int or tx is bytes):
            return on_true if x == y else on_false
        return on_true if slow(rt, x, y) else on_false

    return h


# The loop and closure instructions live in threaded_loops.py (imported here so that they register).
from ylua import threaded_loops  # noqa: E402, F401

__all__ = ["OperandError", "build_threaded", "float_to_int", "fmt_number"]
