"""The meaning of every pure op on Python values: the reference for the interpreting backend and for constant folding.

Machine values are Python ints (kept in int64 range), floats and bools; objects are themselves.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import math

from jit.ir.values import wrap64

_MASK = (1 << 64) - 1


def bytes_scan(b: bytes, i: int, table: bytes) -> int:
    """The least k >= i with table[b[k]] set, or len(b) (op bytes_scan)."""
    n = len(b)
    while i < n and not table[b[i]]:
        i += 1
    return i


def _floordiv(a, b):
    return 0 if b == 0 else wrap64(a // b)


def _mod(a, b):
    return 0 if b == 0 else a % b


def _shl(a, n):
    return wrap64(a << n) if 0 <= n < 64 else 0


def _lshr(a, n):
    return wrap64((a & _MASK) >> n) if 0 <= n < 64 else 0


def _ashr(a, n):
    return a >> min(max(n, 0), 63)


def fdiv(a: float, b: float) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


def _ffloordiv(a, b):
    q = fdiv(a, b)
    return float(math.floor(q)) if math.isfinite(q) and q != 0 else q  # floor(-0.0) is -0.0


def fmod(a: float, b: float) -> float:
    """C's fmod (nan instead of Python's exceptions)."""
    if b == 0 or math.isinf(a) or a != a or b != b:
        return math.nan
    if math.isinf(b):
        return a
    return math.fmod(a, b)


def _fmod_floor(a, b):
    m = fmod(a, b)
    if m != 0 and (m < 0) != (b < 0):
        m += b
    return m


def fpow(a: float, b: float) -> float:
    """C's pow (inf/nan instead of Python's exceptions)."""
    odd = math.isfinite(b) and b == math.floor(b) and math.fmod(b, 2.0) != 0
    if a == 0 and b < 0:  # pole: +-inf
        return -math.inf if odd and math.copysign(1.0, a) < 0 else math.inf
    try:
        return math.pow(a, b)
    except OverflowError:
        return -math.inf if a < 0 and odd else math.inf
    except ValueError:
        return math.nan


def _libm(name: str):
    """C's own function: what native code calls, down to the sign of the nans it returns."""
    global _libm_dll
    if _libm_dll is None:
        _libm_dll = ctypes.CDLL(ctypes.util.find_library("m") or None)
    fn = getattr(_libm_dll, name)
    fn.restype, fn.argtypes = ctypes.c_double, [ctypes.c_double]
    return fn


_libm_dll = None
LIBM_UNARY = ("sin", "cos", "tan", "asin", "acos", "exp", "log")  # float_<name> ops: C's <name>


def _fsqrt(a: float) -> float:
    """IEEE sqrt: the default nan (sign bit set on x86) for negative operands instead of Python's exception."""
    if a >= 0:
        return math.sqrt(a)
    return a if a != a else -math.nan


def _integral(rounding, a: float) -> float:
    """C's floor/ceil: inf and nan unchanged, and a zero result keeps the operand's sign (ceil(-0.5) is -0.0)."""
    if not math.isfinite(a):
        return a
    r = float(rounding(a))
    return math.copysign(r, a) if r == 0 else r


PURE = {
    "box_int": lambda a: a,
    "box_float": lambda a: a,
    "box_bool": lambda a: bool(a),
    "unbox_int": lambda a: a,
    "unbox_float": lambda a: a,
    "type_is": lambda a, t: type(a) is t,
    "ptr_eq": lambda a, b: a is b,
    "ptr_ne": lambda a, b: a is not b,
    "int_add": lambda a, b: wrap64(a + b),
    "int_sub": lambda a, b: wrap64(a - b),
    "int_mul": lambda a, b: wrap64(a * b),
    "int_floordiv": _floordiv,
    "int_mod": _mod,
    "int_neg": lambda a: wrap64(-a),
    "int_and": lambda a, b: a & b,
    "int_or": lambda a, b: a | b,
    "int_xor": lambda a, b: a ^ b,
    "int_shl": _shl,
    "int_lshr": _lshr,
    "int_ashr": _ashr,
    "int_lt": lambda a, b: a < b,
    "int_le": lambda a, b: a <= b,
    "int_gt": lambda a, b: a > b,
    "int_ge": lambda a, b: a >= b,
    "int_eq": lambda a, b: a == b,
    "int_ne": lambda a, b: a != b,
    "int_ult": lambda a, b: (a & _MASK) < (b & _MASK),
    "int_to_float": float,
    "float_to_int": lambda a: wrap64(int(a)),
    "float_add": lambda a, b: a + b,
    "float_sub": lambda a, b: a - b,
    "float_mul": lambda a, b: a * b,
    "float_div": fdiv,
    "float_floordiv": _ffloordiv,
    "float_mod": _fmod_floor,
    "float_pow": fpow,
    "float_neg": lambda a: -a,
    "float_abs": abs,
    "float_sqrt": _fsqrt,
    "float_floor": lambda a: _integral(math.floor, a),
    "float_ceil": lambda a: _integral(math.ceil, a),
    "float_min": lambda a, b: b if b < a else a,
    "float_max": lambda a, b: b if a < b else a,
    "float_is_int64": lambda a: -(2.0**63) <= a < 2.0**63,
    "float_lt": lambda a, b: a < b,
    "float_le": lambda a, b: a <= b,
    "float_gt": lambda a, b: a > b,
    "float_ge": lambda a, b: a >= b,
    "float_eq": lambda a, b: a == b,
    "float_ne": lambda a, b: a != b,
    "bool_not": lambda a: not a,
    "int_select": lambda c, a, b: a if c else b,
    "float_select": lambda c, a, b: a if c else b,
    "tuple_getitem": lambda t, i: t[i],
    "tuple_len": len,
    **{f"float_{name}": _libm(name) for name in LIBM_UNARY},
    "bytes_len": len,
    "bytes_getbyte": lambda b, i: b[i],
    "bytes_eq": lambda a, b: a == b,
    "bytes_char": lambda i: bytes((i,)),
    "bytes_scan": lambda b, i, table: bytes_scan(b, i, table),
}
