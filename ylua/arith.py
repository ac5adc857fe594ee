"""The semantics of Lua's operators on every kind of value: the slow paths behind the VM's fast paths.

Fast paths for int/int and float/float operands live in the threaded code (ylua/threaded.py); everything else —
mixed operands, string coercion, metamethods, errors — comes here. Metamethods written in Lua run through
rt.call: a new activation of the dispatch loop (nested execution, which the JIT must see).
"""

from __future__ import annotations

import math

from ylua import weak
from ylua.errors import lua_error
from ylua.numconv import float_to_int, fmt_float, fmt_number, wrap_int
from ylua.operand_error import OperandError, no_integer_rep, obj_type_name
from ylua.table import LuaTable

MAXI = 2**63 - 1
MINI = -(2**63)
NAN = float("nan")

ARITH_EVENTS = {
    "+": b"__add", "-": b"__sub", "*": b"__mul", "/": b"__div", "%": b"__mod", "^": b"__pow", "//": b"__idiv",
    "&": b"__band", "|": b"__bor", "~": b"__bxor", "<<": b"__shl", ">>": b"__shr",
}
BITWISE = frozenset(["&", "|", "~", "<<", ">>"])


# ---------------------------------------------------------------- numbers


def fdiv(a: float, b: float) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        if a == 0 or a != a:
            return -NAN  # the x86 default NaN has its sign bit set: lua5.4 prints 0/0 as -nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


def fmod(a: float, b: float) -> float:
    """C's fmod corrected towards floor division (luai_nummod)."""
    try:
        m = math.fmod(a, b)
    except ValueError:
        return -NAN
    if m != 0 and (m < 0) != (b < 0):
        m += b
    return m


def fidiv(a: float, b: float) -> float:
    q = fdiv(a, b)
    if math.isinf(q) or q != q or q == 0:  # C's floor keeps the sign of a zero (-0.0 // 1 is -0.0)
        return q
    return float(math.floor(q))


def fpow(a: float, b: float) -> float:
    try:
        return math.pow(a, b)
    except OverflowError:
        if a < 0 and b == int(b) and int(b) % 2 == 1:
            return -math.inf
        return math.inf
    except ValueError:
        if a == 0 and b < 0:  # C's pow: a pole, +-inf (the zero's sign for an odd integer exponent)
            odd = b == int(b) and int(b) % 2 == 1
            return math.copysign(math.inf, a) if odd else math.inf
        return -NAN


def int_mod(a: int, b: int, position_b=1) -> int:
    if b == 0:
        raise lua_error("attempt to perform 'n%0'")
    return a % b


def int_idiv(a: int, b: int) -> int:
    if b == 0:
        raise lua_error("attempt to divide by zero")
    return wrap_int(a // b)


def shift_left(a: int, b: int) -> int:
    if b <= -64 or b >= 64:
        return 0
    if b >= 0:
        return wrap_int(a << b)
    return wrap_int((a & 0xFFFFFFFFFFFFFFFF) >> -b)


def arith_numbers(op: str, a, b):
    """op on two numbers (int or float), Lua 5.4 semantics."""
    if type(a) is int and type(b) is int:
        if op == "+":
            return wrap_int(a + b)
        if op == "-":
            return wrap_int(a - b)
        if op == "*":
            return wrap_int(a * b)
        if op == "//":
            return int_idiv(a, b)
        if op == "%":
            return int_mod(a, b)
    if op == "/":
        return fdiv(float(a), float(b))
    if op == "^":
        return fpow(float(a), float(b))
    a = float(a)
    b = float(b)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "//":
        return fidiv(a, b)
    if op == "%":
        return fmod(a, b)
    raise AssertionError(op)


def to_int_for_bitwise(v, position):
    if type(v) is int:
        return v
    if type(v) is float:
        i = float_to_int(v)
        if i is None:
            raise no_integer_rep(position)
        return i
    return None


def bitwise_ints(op: str, a: int, b: int) -> int:
    if op == "&":
        return a & b
    if op == "|":
        return a | b
    if op == "~":
        return a ^ b
    if op == "<<":
        return shift_left(a, b)
    if op == ">>":
        return shift_left(a, -b) if b != MINI else 0
    raise AssertionError(op)


# ---------------------------------------------------------------- with metamethods


def metamethod(rt, v, event: bytes):
    tv = type(v)
    if tv is LuaTable:
        mt = v.meta
    elif tv is bytes:
        mt = rt.string_meta
    else:
        mt = rt.getmetatable(v)
    if mt is None:
        return None
    return mt.hash.get(event)


def arith(rt, op: str, a, b):
    """a op b for any values: numbers, then metamethods (string coercion is done by the string metatable)."""
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        if op in BITWISE:
            ia = to_int_for_bitwise(a, 0)
            ib = to_int_for_bitwise(b, 1)
            return bitwise_ints(op, ia, ib)
        return arith_numbers(op, a, b)
    event = ARITH_EVENTS[op]
    mm = metamethod(rt, a, event)
    if mm is None:
        mm = metamethod(rt, b, event)
    if mm is not None:
        res = rt.call(mm, [a, b])
        return res[0] if res else None
    # no metamethod: the error names the offending operand (strings have no bitwise metamethods)
    raise _opinterror("perform bitwise operation on" if op in BITWISE else "perform arithmetic on", a, b)


def _opinterror(what: str, a, b):
    """The operand error of `a op b`: the first operand unless it is a number (PUC's luaG_opinterror)."""
    bad, pos = (b, 1) if type(a) is int or type(a) is float else (a, 0)
    return OperandError(f"attempt to {what} a {obj_type_name(bad)} value", pos)


def unm(rt, a):
    if type(a) is int:
        return wrap_int(-a)
    if type(a) is float:
        return -a
    mm = metamethod(rt, a, b"__unm")
    if mm is not None:
        res = rt.call(mm, [a, a])
        return res[0] if res else None
    raise OperandError(f"attempt to perform arithmetic on a {obj_type_name(a)} value", 0)


def bnot(rt, a):
    if type(a) is int:
        return ~a
    if type(a) is float:
        i = float_to_int(a)
        if i is None:
            raise no_integer_rep(0)
        return ~i
    mm = metamethod(rt, a, b"__bnot")
    if mm is not None:
        res = rt.call(mm, [a, a])
        return res[0] if res else None
    raise OperandError(f"attempt to perform bitwise operation on a {obj_type_name(a)} value", 0)


def length(rt, v):
    if type(v) is bytes:
        return len(v)
    mm = metamethod(rt, v, b"__len")
    if mm is not None:
        res = rt.call(mm, [v, v])
        return res[0] if res else None
    if type(v) is LuaTable:
        return len(v.arr)
    raise OperandError(f"attempt to get length of a {obj_type_name(v)} value", 0)


# ---------------------------------------------------------------- comparisons


def eq(rt, a, b) -> bool:
    ta, tb = type(a), type(b)
    if ta is tb:
        if a is b and ta is not float:
            return True
        if ta is LuaTable or ta.__name__ == "Userdata":
            mm = metamethod(rt, a, b"__eq")
            if mm is None:
                mm = metamethod(rt, b, b"__eq")
            if mm is None:
                return False
            res = rt.call(mm, [a, b])
            return bool(res) and res[0] is not None and res[0] is not False
        return a == b
    if (ta is int and tb is float) or (ta is float and tb is int):
        return a == b
    return False


def _compare_error(a, b):
    t1, t2 = obj_type_name(a), obj_type_name(b)
    if t1 == t2:
        return OperandError(f"attempt to compare two {t1} values", None)
    return OperandError(f"attempt to compare {t1} with {t2}", None)


def lt(rt, a, b) -> bool:
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a < b
    if ta is bytes and tb is bytes:
        return a < b
    mm = metamethod(rt, a, b"__lt")
    if mm is None:
        mm = metamethod(rt, b, b"__lt")
    if mm is None:
        raise _compare_error(a, b)
    res = rt.call(mm, [a, b])
    return bool(res) and res[0] is not None and res[0] is not False


def le(rt, a, b) -> bool:
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a <= b
    if ta is bytes and tb is bytes:
        return a <= b
    mm = metamethod(rt, a, b"__le")
    if mm is None:
        mm = metamethod(rt, b, b"__le")
    if mm is None:
        raise _compare_error(a, b)
    res = rt.call(mm, [a, b])
    return bool(res) and res[0] is not None and res[0] is not False


# ---------------------------------------------------------------- concatenation


def concat_plain(values) -> bytes:
    """The concatenation of strings and numbers (numbers formatted as tostring does)."""
    return b"".join([v if type(v) is bytes else b"%d" % v if type(v) is int else fmt_float(v) for v in values])


def concat(rt, values: list):
    """values[0] .. values[1] .. ... (right to left, with __concat where needed)."""
    if all(type(v) is bytes for v in values):
        return b"".join(values)
    weak.tick(rt)  # an allocation PUC's collector would count (only this slow path: numbers to convert, metamethods)
    for v in values:  # numbers to convert, but no metamethod to ask?
        tv = type(v)
        if tv is not bytes and tv is not int and tv is not float:
            break
    else:
        return concat_plain(values)
    acc = values[-1]
    for i in range(len(values) - 2, -1, -1):
        left = values[i]
        tl, tr = type(left), type(acc)
        if (tl is bytes or tl is int or tl is float) and (tr is bytes or tr is int or tr is float):
            acc = (left if tl is bytes else fmt_number(left)) + (acc if tr is bytes else fmt_number(acc))
            continue
        mm = metamethod(rt, left, b"__concat")
        if mm is None:
            mm = metamethod(rt, acc, b"__concat")
        if mm is None:
            bad_pos = i if not (tl is bytes or tl is int or tl is float) else i + 1
            bad = values[bad_pos] if bad_pos != i + 1 or i + 1 == len(values) - 1 else acc
            if bad_pos == i + 1 and i + 1 != len(values) - 1:
                raise OperandError(f"attempt to concatenate a {obj_type_name(acc)} value", None)
            raise OperandError(f"attempt to concatenate a {obj_type_name(bad)} value", bad_pos)
        res = rt.call(mm, [left, acc])
        acc = res[0] if res else None
    return acc
