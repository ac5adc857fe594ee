"""LuaJIT compatibility (`ylua --compat=luajit`): unpack, loadstring, and the `bit` library with LuaJIT's
32-bit semantics, so that LuaJIT-era benchmarks and tests run unchanged."""

from __future__ import annotations

from ylua.errors import ArgError
from ylua.table import LuaTable
from ylua.values import Builtin, type_name


def tobit(v, n=1) -> int:
    """LuaJIT's normalisation: the number rounded to an integer, taken modulo 2^32 as a signed int32."""
    if type(v) is int:
        i = v
    elif type(v) is float:
        if v != v or v in (float("inf"), float("-inf")):
            return 0
        i = round(v)
    else:
        from ylua.numconv import to_number

        x = to_number(v) if type(v) is bytes else None
        if x is None:
            raise ArgError(n, f"number expected, got {type_name(v) if v is not None else 'no value'}")
        return tobit(x, n)
    i &= 0xFFFFFFFF
    return i - 0x100000000 if i & 0x80000000 else i


def _u32(v, n) -> int:
    return tobit(v, n) & 0xFFFFFFFF


def open_lib(rt) -> None:
    G = rt.globals
    bit = LuaTable()

    def reg(name, fn):
        bit.set_str(name.encode(), Builtin(fn, "bit." + name))

    def fold(op):
        def f(x=None, *rest):
            acc = tobit(x, 1)
            for i, y in enumerate(rest, 2):
                acc = op(acc, tobit(y, i))
            return (tobit(acc),)

        return f

    reg("tobit", lambda x=None, *_: (tobit(x),))
    reg("band", fold(lambda a, b: a & b))
    reg("bor", fold(lambda a, b: a | b))
    reg("bxor", fold(lambda a, b: a ^ b))
    reg("bnot", lambda x=None, *_: (tobit(~tobit(x)),))
    reg("lshift", lambda x=None, n=None, *_: (tobit(_u32(x, 1) << (tobit(n, 2) & 31)),))
    reg("rshift", lambda x=None, n=None, *_: (tobit(_u32(x, 1) >> (tobit(n, 2) & 31)),))
    reg("arshift", lambda x=None, n=None, *_: (tobit(tobit(x, 1) >> (tobit(n, 2) & 31)),))

    def rol(x=None, n=None, *_):
        u, s = _u32(x, 1), tobit(n, 2) & 31
        return (tobit((u << s) | (u >> (32 - s))),)

    def ror(x=None, n=None, *_):
        u, s = _u32(x, 1), tobit(n, 2) & 31
        return (tobit((u >> s) | (u << (32 - s))),)

    def bswap(x=None, *_):
        return (tobit(int.from_bytes(_u32(x, 1).to_bytes(4, "little"), "big")),)

    def tohex(x=None, n=8, *_):
        n = tobit(n, 2)
        digits = "0123456789ABCDEF" if n < 0 else "0123456789abcdef"
        n = min(abs(n), 8) if n != 0 else 8
        u = _u32(x, 1)
        return ("".join(digits[(u >> (4 * i)) & 15] for i in reversed(range(n))).encode(),)

    reg("rol", rol)
    reg("ror", ror)
    reg("bswap", bswap)
    reg("tohex", tohex)
    G.set_str(b"bit", bit)
    table = G.get_str(b"table")
    if type(table) is LuaTable and table.get_str(b"unpack") is not None:
        G.set_str(b"unpack", table.get_str(b"unpack"))
    G.set_str(b"loadstring", G.get_str(b"load"))
    loaded = rt.registry.get_str(b"_LOADED")
    if loaded is not None:
        loaded.set_str(b"bit", bit)
