"""Conversions between Lua numbers and strings, as lua_Number2str / lua_stringtonumber do them."""

from __future__ import annotations

import math
import re

MAXINT = 2**63 - 1
MININT = -(2**63)


def wrap_int(i: int) -> int:
    """Wrap a Python int into the int64 range (two's complement), as Lua integer arithmetic does."""
    return ((i + 2**63) & 0xFFFFFFFFFFFFFFFF) - 2**63


def fmt_float(f: float) -> bytes:
    """Lua's "%.14g" of a float, with ".0" after an integral value, and nan's sign as C prints it."""
    s = b"%.14g" % f
    if b"." in s or b"e" in s:
        return s
    if f - f == 0.0:  # finite and integral
        return s + b".0"
    if f != f:
        return b"-nan" if math.copysign(1.0, f) < 0 else b"nan"
    return s  # inf, -inf


def fmt_number(v) -> bytes:
    if type(v) is int:
        return b"%d" % v
    return fmt_float(v)


_DEC_INT = re.compile(rb"[ \t\n\r\f\v]*([-+]?)([0-9]+)[ \t\n\r\f\v]*\Z")
_HEX_INT = re.compile(rb"[ \t\n\r\f\v]*([-+]?)0[xX]([0-9a-fA-F]+)[ \t\n\r\f\v]*\Z")
_DEC_FLOAT = re.compile(rb"[ \t\n\r\f\v]*([-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)[ \t\n\r\f\v]*\Z")
_HEX_FLOAT = re.compile(
    rb"[ \t\n\r\f\v]*([-+]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?[0-9]+))?[ \t\n\r\f\v]*\Z"
)


def hex_float(mant_int: bytes, mant_frac: bytes, exp: bytes | None) -> float:
    digits = (mant_int + mant_frac) or b"0"
    e = (int(exp) if exp else 0) - 4 * len(mant_frac)
    m = int(digits, 16)
    try:
        return math.ldexp(float(m), e) if m < 2**53 else float(m * (2**e) if e >= 0 else m / (2 ** (-e)))
    except OverflowError:
        return math.inf


def str2number(s: bytes):
    """Convert a Lua numeral (with surrounding whitespace) to int or float; None if `s` is not a numeral."""
    if len(s) < 19 and s.isdigit():  # the commonest numeral: a few decimal digits (bytes.isdigit is ASCII only)
        return int(s)
    m = _DEC_INT.match(s)
    if m:
        v = int(m.group(2))
        if m.group(1) == b"-":
            v = -v
        if MININT <= v <= MAXINT:
            return v
        return float(v)
    m = _HEX_INT.match(s)
    if m:
        v = wrap_int(int(m.group(2), 16))
        return wrap_int(-v) if m.group(1) == b"-" else v
    m = _DEC_FLOAT.match(s)
    if m:
        try:
            return float(m.group(1))
        except ValueError:
            return None
    m = _HEX_FLOAT.match(s)
    if m and (m.group(2) or m.group(3)):
        v = hex_float(m.group(2), m.group(3) or b"", m.group(4))
        return -v if m.group(1) == b"-" else v
    return None


def float_to_int(f: float):
    """The integer with exactly the value of `f`, or None (lua_numbertointeger)."""
    if f.is_integer() and -9.3e18 < f < 9.3e18:
        i = int(f)
        if MININT <= i <= MAXINT:
            return i
    return None


def to_integer(v):
    """Lua's tointeger for numbers and numeric strings (no rounding): int or None."""
    tv = type(v)
    if tv is int:
        return v
    if tv is float:
        return float_to_int(v)
    if tv is bytes:
        n = str2number(v)
        if n is None:
            return None
        return to_integer(n)
    return None


def to_number(v):
    """Lua's tonumber for arithmetic coercion: int/float for numbers and numeric strings, else None."""
    tv = type(v)
    if tv is int or tv is float:
        return v
    if tv is bytes:
        return str2number(v)
    return None
