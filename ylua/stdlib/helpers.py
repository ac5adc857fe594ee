"""Argument checking for built-in functions, worded as PUC's lauxlib words it. Arguments are 1-based positions;
a missing argument is passed as NOARG by built-ins that declare `*args`, or as None."""

from __future__ import annotations

from ylua.errors import ArgError
from ylua.numconv import float_to_int, fmt_number, str2number, to_number
from ylua.stdlib.base import NOARG, typename_or_novalue
from ylua.table import LuaTable


tname = typename_or_novalue


def arg(args, i: int):
    """args[i - 1] or NOARG."""
    return args[i - 1] if i <= len(args) else NOARG


def check_int(args, i: int) -> int:
    v = args[i - 1] if i <= len(args) else NOARG
    if type(v) is int:
        return v
    if type(v) is float:
        r = float_to_int(v)
        if r is None:
            raise ArgError(i, "number has no integer representation")
        return r
    if type(v) is bytes:
        n = str2number(v)
        if n is not None:
            return check_int([n], 1) if type(n) is int else _float_int(n, i)
    raise ArgError(i, f"number expected, got {tname(v)}")


def _float_int(f, i):
    r = float_to_int(f)
    if r is None:
        raise ArgError(i, "number has no integer representation")
    return r


def opt_int(args, i: int, default: int) -> int:
    if i > len(args):
        return default
    v = args[i - 1]
    if type(v) is int:
        return v
    if v is None or v is NOARG:
        return default
    return check_int(args, i)


def check_number(args, i: int):
    v = arg(args, i)
    n = to_number(v)
    if n is None:
        raise ArgError(i, f"number expected, got {tname(v)}")
    return n


def opt_number(args, i: int, default):
    v = arg(args, i)
    if v is NOARG or v is None:
        return default
    return check_number(args, i)


def check_string(args, i: int) -> bytes:
    """A string argument; numbers are converted as Lua does."""
    v = args[i - 1] if i <= len(args) else NOARG
    if type(v) is bytes:
        return v
    if type(v) is int or type(v) is float:
        return fmt_number(v)
    raise ArgError(i, f"string expected, got {tname(v)}")


def opt_string(args, i: int, default):
    v = arg(args, i)
    if v is NOARG or v is None:
        return default
    return check_string(args, i)


def check_table(args, i: int) -> LuaTable:
    v = arg(args, i)
    if type(v) is LuaTable:
        return v
    raise ArgError(i, f"table expected, got {tname(v)}")


def check_any(args, i: int):
    v = arg(args, i)
    if v is NOARG:
        raise ArgError(i, "value expected")
    return v


def check_option(args, i: int, options: list[bytes], default=None) -> bytes:
    v = opt_string(args, i, default) if default is not None else check_string(args, i)
    if v not in options:
        raise ArgError(i, f"invalid option '{v.decode('latin-1')}'")
    return v
