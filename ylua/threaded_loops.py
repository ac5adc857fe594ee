"""Threaded code for the loop instructions (numeric and generic for) and closures: the part of threaded.py's table
that the JIT's control points stand on. Registered into ylua.threaded.BUILDERS on import."""

from __future__ import annotations

import math

from ylua.errors import lua_error
from ylua.numconv import to_number
from ylua.operand_error import obj_type_name
from ylua.threaded import MAXI, MINI, builder
from ylua.values import Builtin, LuaFunction

# ---------------------------------------------------------------- loops


def for_error(what, v):
    return lua_error(f"bad 'for' {what} (number expected, got {obj_type_name(v)})")


def _for_number(v, what):
    n = to_number(v)
    if n is None:
        raise for_error(what, v)
    return n


@builder("FORPREP")
def _forprep(rt, proto, pc, a, b, c, d):
    nxt = pc + 1

    def h(R, U):
        init = R[a]
        limit = R[a + 1]
        step = R[a + 2]
        if type(init) is int and type(step) is int:
            if step == 0:
                raise lua_error("'for' step is zero")
            if type(limit) is not int:
                limit = _for_limit(limit, step)
                if limit is None:
                    return b
            if (step > 0 and init > limit) or (step < 0 and init < limit):
                return b
            # iteration count: the loop can never overflow. Kept an int64 (traces load it as one): no loop runs
            # 2^63 times, so fewer is the same
            R[a + 1] = min((limit - init) // step, MAXI)
            R[a + 3] = init
            return nxt
        limit = float(_for_number(limit, "limit"))  # PUC's order of checks
        step = float(_for_number(step, "step"))
        init = float(_for_number(init, "initial value"))
        if step == 0:
            raise lua_error("'for' step is zero")
        if (step > 0 and not init <= limit) or (step < 0 and not init >= limit):
            return b
        R[a] = init
        R[a + 1] = limit
        R[a + 2] = step
        R[a + 3] = init
        return nxt

    return h


def _for_limit(limit, step):
    """Convert a non-integer limit of an integer loop (PUC's forlimit); None if the loop must not run."""
    limit = _for_number(limit, "limit")
    if type(limit) is int:
        return limit
    if math.isfinite(limit):
        f = math.floor(limit) if step > 0 else math.ceil(limit)
        if MINI <= f <= MAXI:
            return f
    # a float out of the integer range (or NaN): clip it, or skip the loop if it cannot run
    if limit > 0:
        return None if step < 0 else MAXI
    return None if step > 0 else MINI


@builder("FORLOOP")
def _forloop(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    a1, a2, a3 = a + 1, a + 2, a + 3

    def h(R, U):
        count = R[a1]
        if type(count) is int:
            if count > 0:
                R[a1] = count - 1
                i = R[a] + R[a2]
                R[a] = i
                R[a3] = i
                return b
            return nxt
        step = R[a2]
        i = R[a] + step
        if (i <= count) if step > 0 else (i >= count):
            R[a] = i
            R[a3] = i
            return b
        return nxt

    return h


@builder("TFORPREP")
def _tforprep(rt, proto, pc, a, b, c, d):
    def h(R, U):
        if R[a + 3] is not None:
            return ~pc  # a closing value: the loop registers it
        return b

    return h


@builder("TFORCALL")
def _tforcall(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    first = a + 4
    signal = ~pc

    def h(R, U):
        f = R[a]
        if type(f) is Builtin:
            res = f.fn(R[a + 1], R[a + 2])
            n = len(res)
            if n >= b:
                R[first:first + b] = res[:b] if n > b else res
            else:
                for i in range(b):
                    R[first + i] = res[i] if i < n else None
            return nxt
        return signal

    return h


@builder("TFORLOOP")
def _tforloop(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    a2, a4 = a + 2, a + 4

    def h(R, U):
        v = R[a4]
        if v is not None:
            R[a2] = v
            return b
        return nxt

    return h


# ---------------------------------------------------------------- closures


@builder("CLOSURE")
def _closure(rt, proto, pc, a, b, c, d):
    nxt = pc + 1
    sub = proto.protos[b]
    descs = [(u.in_stack, u.index) for u in sub.upvals]

    def h(R, U):
        R[a] = LuaFunction(sub, [R[i] if in_stack else U[i] for in_stack, i in descs])
        return nxt

    return h
