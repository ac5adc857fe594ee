"""The math library (cf. PUC's lmathlib.c), with xoshiro256** for math.random exactly as Lua 5.4 does it, so a
seeded sequence matches lua5.4's."""

from __future__ import annotations

import ctypes
import ctypes.util
import math
import os
import time

from ylua.errors import ArgError, LuaError, lua_error
from ylua.numconv import float_to_int, wrap_int
from ylua.operand_error import OperandError
from ylua.stdlib.helpers import arg, check_any, check_int, check_number, opt_number, tname
from ylua.table import LuaTable
from ylua.values import Builtin

M64 = 0xFFFFFFFFFFFFFFFF
NAN = float("nan")


def rotl(x: int, n: int) -> int:
    return ((x << n) | (x >> (64 - n))) & M64


class Xoshiro256:
    def __init__(self):
        self.s = [0, 0, 0, 0]

    def next(self) -> int:
        s = self.s
        s0, s1, s2, s3 = s
        result = (rotl((s1 * 5) & M64, 7) * 9) & M64
        t = (s1 << 17) & M64
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        s[0], s[1], s[2], s[3] = s0, s1, s2, s3
        return result

    def seed(self, n1: int, n2: int) -> None:
        self.s = [n1 & M64, 0xFF, n2 & M64, 0]
        for _ in range(16):
            self.next()

    def project(self, ran: int, n: int) -> int:
        """A random integer in [0, n] from `ran` (5.4's 'project': rejection with the smallest mask >= n)."""
        if n & (n + 1) == 0:
            return ran & n
        lim = n
        for shift in (1, 2, 4, 8, 16, 32):
            lim |= lim >> shift
        ran &= lim
        while ran > n:
            ran = self.next() & lim
        return ran


def _float_result(f, *xs):
    try:
        return f(*xs)
    except ValueError:
        return -NAN
    except OverflowError:
        return math.inf


def open_lib(rt) -> None:
    lib = LuaTable()
    rng = Xoshiro256()
    rng.seed(int(time.time()), id(rng) ^ os.getpid())

    def reg(name, fn):
        lib.set_str(name.encode(), Builtin(fn, name))

    def floor_ceil(fn):
        def f(*args):
            x = check_number(args, 1)
            if type(x) is int:
                return (x,)
            if math.isinf(x) or x != x:
                return (x,)
            r = fn(x)
            i = float_to_int(float(r))
            return (i if i is not None else float(r),)

        return f

    def m_abs(*args):
        x = check_number(args, 1)
        if type(args[0]) is not int:  # lua_isinteger: a numeric string is not an integer
            return (abs(float(x)),)
        return (wrap_int(abs(x)),)

    def m_fmod(*args):
        a = check_number(args, 1)
        b = check_number(args, 2)
        if type(args[0]) is int and type(args[1]) is int:
            if b == 0:
                raise ArgError(2, "zero")
            if b == -1:
                return (0,)
            r = abs(a) % abs(b)
            return (-r if a < 0 else r,)
        return (_float_result(math.fmod, float(a), float(b)),)

    def m_modf(*args):
        x = check_number(args, 1)
        if type(args[0]) is not int:
            x = float(x)
        if type(x) is int:
            return (x, 0.0)
        if math.isinf(x):
            return (x, 0.0)
        if x != x:
            return (x, x)
        ip = float(math.floor(x)) if x >= 0 else float(math.ceil(x))
        ipi = float_to_int(ip)
        return (ipi if ipi is not None else ip, 0.0 if x == ip else x - ip)  # (-0.0 has no fraction: 0.0)

    def m_tointeger(*args):
        x = arg(args, 1)
        if type(x) is int:
            return (x,)
        if type(x) is float:
            return (float_to_int(x),)
        if type(x) is bytes:
            from ylua.numconv import to_integer

            return (to_integer(x),)
        check_any(args, 1)
        return (None,)

    def m_type(*args):
        x = check_any(args, 1)
        if type(x) is int:
            return (b"integer",)
        if type(x) is float:
            return (b"float",)
        return (None,)

    def m_ult(*args):
        return ((check_int(args, 1) & M64) < (check_int(args, 2) & M64),)

    def minmax(is_max):
        """math.max/min compare their arguments with lua_compare in 5.4.4: no number check."""

        def f(*args):
            best = check_any(args, 1)
            try:
                for v in args[1:]:
                    if (rt.lt(best, v) if is_max else rt.lt(v, best)):
                        best = v
            except OperandError as e:  # raised by a built-in: no position
                raise LuaError(e.message.encode()) from None
            return (best,)

        return f

    def m_log(*args):
        x = float(check_number(args, 1))
        base = opt_number(args, 2, None)
        if base is None:
            return (_log(x),)
        base = float(base)
        if base == 2.0:
            return (_float_result(math.log2, x) if x > 0 else _log(x),)
        if base == 10.0:
            return (_float_result(math.log10, x) if x > 0 else _log(x),)
        return (_div(_log(x), _log(base)),)

    def m_random(*args):
        rv = rng.next()
        n = len(args)
        if n == 0:
            return ((rv >> 11) * (0.5 ** 53),)
        if n == 1:
            low, up = 1, check_int(args, 1)
            if up == 0:
                return (wrap_int(rv),)
        elif n == 2:
            low, up = check_int(args, 1), check_int(args, 2)
        else:
            raise lua_error("wrong number of arguments")
        if low > up:
            raise ArgError(1, "interval is empty")
        return (wrap_int(rng.project(rv, (up - low) & M64) + low),)

    def m_randomseed(*args):
        if not args:
            n1, n2 = int(time.time()), id(args) ^ time.perf_counter_ns()
        else:
            n1 = check_int(args, 1)
            n2 = check_int(args, 2) if len(args) >= 2 and args[1] is not None else 0
        rng.seed(n1, n2)
        return (wrap_int(n1 & M64), wrap_int(n2 & M64))

    def unary(fn):
        return lambda *args: (_float_result(fn, float(check_number(args, 1))),)

    def libm_unary(name):
        """math.<name> as C's <name> computes it (what lua5.4 calls, and what a trace computes natively): Python's
        own for ordinary values, C's where Python raises (its nans carry the sign C gives them)."""
        fast = getattr(math, name)

        def f(*args):
            x = float(check_number(args, 1))
            try:
                return (fast(x),)
            except (ValueError, OverflowError):
                return (_c_math(name, x),)

        f.jit_intrinsic = name
        return f

    def m_atan(*args):
        y = float(check_number(args, 1))
        x = float(opt_number(args, 2, 1.0))
        return (math.atan2(y, x),)

    def m_sqrt(*args):
        x = float(check_number(args, 1))
        return (math.sqrt(x) if x >= 0 else (-NAN if x == x else x),)

    # Functions a trace may compute natively (ylua/jit_record_ops.py) instead of calling them.
    m_floor, m_ceil = floor_ceil(math.floor), floor_ceil(math.ceil)
    m_max, m_min = minmax(True), minmax(False)
    for fn, intrinsic in [(m_floor, "floor"), (m_ceil, "ceil"), (m_abs, "abs"), (m_sqrt, "sqrt"), (m_max, "max"),
                          (m_min, "min"), (m_log, "log"), (m_type, "math_type")]:
        fn.jit_intrinsic = intrinsic
    for name, fn in [
        ("floor", m_floor), ("ceil", m_ceil), ("abs", m_abs), ("fmod", m_fmod),
        ("modf", m_modf), ("tointeger", m_tointeger), ("type", m_type), ("ult", m_ult), ("max", m_max),
        ("min", m_min), ("log", m_log), ("random", m_random), ("randomseed", m_randomseed),
        ("sqrt", m_sqrt), ("exp", libm_unary("exp")), ("sin", libm_unary("sin")), ("cos", libm_unary("cos")),
        ("tan", libm_unary("tan")), ("asin", libm_unary("asin")), ("acos", libm_unary("acos")), ("atan", m_atan),
        ("deg", unary(lambda x: x * (180.0 / math.pi))), ("rad", unary(lambda x: x * (math.pi / 180.0))),
    ]:
        reg(name, fn)
    lib.set_str(b"pi", math.pi)
    lib.set_str(b"huge", math.inf)
    lib.set_str(b"maxinteger", 2**63 - 1)
    lib.set_str(b"mininteger", -(2**63))
    rt.globals.set_str(b"math", lib)


_libm = None


def _c_math(name: str, x: float) -> float:
    global _libm
    if _libm is None:
        _libm = ctypes.CDLL(ctypes.util.find_library("m") or None)
    fn = getattr(_libm, name)
    fn.restype, fn.argtypes = ctypes.c_double, [ctypes.c_double]
    return fn(x)


def _log(x: float) -> float:
    if x == 0:
        return -math.inf
    if x < 0 or x != x:
        return -NAN if x == x else x
    if math.isinf(x):
        return x
    return math.log(x)


def _div(a: float, b: float) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        if a == 0 or a != a:
            return -NAN
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


__all__ = ["Xoshiro256", "open_lib", "tname"]
