"""The string library (cf. PUC's lstrlib.c) and the strings' metatable."""

from __future__ import annotations

from ylua import coroutine as co_impl
from ylua.errors import ArgError, LuaError, lua_error
from ylua.numconv import fmt_number, str2number
from ylua.stdlib import lpattern, strformat
from ylua.stdlib.helpers import arg, check_int, check_string, opt_int, tname
from ylua.table import LuaTable
from ylua.values import Builtin, LuaFunction, type_name

MAX_STRING = 2**31


def posrelat_start(pos: int, length: int) -> int:
    """A 1-based start position from a possibly negative one (posrelatI)."""
    if pos > 0:
        return pos
    if pos == 0:
        return 1
    if pos < -length:
        return 1
    return length + pos + 1


def get_end(pos: int, length: int) -> int:
    if pos > length:
        return length
    if pos >= 0:
        return pos
    if pos < -length:
        return 0
    return length + pos + 1


def open_lib(rt) -> None:
    lib = LuaTable()

    def reg(name, fn):
        lib.set_str(name.encode(), Builtin(fn, name))

    def s_len(*args):
        return (len(check_string(args, 1)),)

    def s_sub(*args):
        s = check_string(args, 1)
        n = len(s)
        i = posrelat_start(check_int(args, 2), n)
        j = get_end(opt_int(args, 3, -1), n)
        return (s[i - 1:j] if i <= j else b"",)

    def s_upper(*args):
        return (check_string(args, 1).upper(),)

    def s_lower(*args):
        return (check_string(args, 1).lower(),)

    def s_reverse(*args):
        return (check_string(args, 1)[::-1],)

    def s_rep(*args):
        s = check_string(args, 1)
        n = check_int(args, 2)
        sep = check_string(args, 3) if len(args) >= 3 and args[2] is not None else b""
        if n <= 0:
            return (b"",)
        if len(s) + len(sep) > (MAX_STRING - 1) // n:  # PUC's test: (l + lsep) * n must fit in an int
            raise lua_error("resulting string too large")
        return ((s + sep) * (n - 1) + s if sep else s * n,)

    def s_byte(*args):
        s = check_string(args, 1)
        n = len(s)
        pi = opt_int(args, 2, 1)
        i = posrelat_start(pi, n)
        j = get_end(opt_int(args, 3, pi), n)  # the end defaults to the start as given, not as clipped
        if i > j:
            return ()
        if j - i >= 2**31:
            raise lua_error("string slice too long")
        return tuple(s[i - 1:j])

    def s_char(*args):
        out = bytearray()
        for k in range(1, len(args) + 1):
            c = check_int(args, k)
            if not 0 <= c <= 255:
                raise ArgError(k, "value out of range")
            out.append(c)
        return (bytes(out),)

    def s_format(*args):
        fmt = check_string(args, 1)
        return (strformat.format(rt, fmt, list(args)),)

    def find_aux(args, find):
        s = check_string(args, 1)
        p = check_string(args, 2)
        init = posrelat_start(opt_int(args, 3, 1), len(s))
        plain = len(args) >= 4 and args[3] is not None and args[3] is not False
        return tuple(lpattern.find_aux(s, p, init, find, plain))

    def s_find(*args):
        return find_aux(args, True)

    def s_match(*args):
        return find_aux(args, False)

    def s_gmatch(*args):
        s = check_string(args, 1)
        p = check_string(args, 2)
        init = posrelat_start(opt_int(args, 3, 1), len(s))
        if init > len(s) + 1:
            init = len(s) + 2  # past the end: not even an empty match there
        it = lpattern.gmatch_iter(s, p, init)

        def step(*_):
            for caps in it:
                return tuple(caps)
            return ()

        return (Builtin(step, "gmatch_iterator"),)

    def s_gsub(*args):
        src = check_string(args, 1)
        p = check_string(args, 2)
        repl = arg(args, 3)
        tr = type(repl)
        if tr in (int, float):
            repl = fmt_number(repl)
            tr = bytes
        if tr not in (bytes, LuaTable, LuaFunction, Builtin):
            raise ArgError(3, f"string/function/table expected, got {tname(repl)}")
        max_n = opt_int(args, 4, len(src) + 1)
        anchor = len(p) > 0 and p[0] == 0x5E
        pi = 1 if anchor else 0
        ms = lpattern.MatchState(src, p)
        out = []
        s = 0
        n = 0
        ls = len(src)
        last = -1  # where the last match ended: an empty match there does not count (5.4)
        changed = False
        while n < max_n:
            ms.level = 0
            ms.matchdepth = lpattern.MAXCCALLS
            e = ms.match(s, pi)
            if e != -1 and e != last:
                n += 1
                piece = substitute(ms, s, e, repl, tr)
                if piece is not None:
                    out.append(piece)
                    changed = True
                else:
                    out.append(src[s:e])
                s = last = e
            elif s < ls:
                out.append(src[s:s + 1])
                s += 1
            else:
                break
            if anchor:
                break
        if not changed:
            return (src, n)  # the subject itself, as PUC (string.format's %p tells)
        out.append(src[s:])
        return (b"".join(out), n)

    def substitute(ms, s, e, repl, tr):
        """The replacement of the match s..e, or None to keep it."""
        if tr is bytes:
            if b"%" not in repl:
                return repl
            piece = bytearray()
            i = 0
            n = len(repl)
            while i < n:
                c = repl[i]
                if c == 0x25:
                    i += 1
                    d = repl[i] if i < n else None
                    if d == 0x25:
                        piece.append(0x25)
                    elif d is not None and 0x30 <= d <= 0x39:
                        if d == 0x30:
                            piece += ms.src[s:e]
                        else:
                            v = ms.get_capture(d - 0x31, s, e)
                            piece += v if type(v) is bytes else fmt_number(v)
                    else:
                        raise lua_error("invalid use of '%' in replacement string")
                else:
                    piece.append(c)
                i += 1
            return bytes(piece)
        key = ms.get_capture(0, s, e)
        if tr is LuaTable:
            v = rt.index(repl, key)
        else:
            res = rt.call(repl, ms.captures(s, e))
            v = res[0] if res else None
        if v is None or v is False:
            return None
        if type(v) is bytes:
            return v
        if type(v) in (int, float):
            return fmt_number(v)
        raise lua_error(f"invalid replacement value (a {type_name(v)})")

    def s_dump(*args):
        raise lua_error("unable to dump given function")

    # Functions a trace may compute natively (ylua/jit_record_ops.py) instead of calling them.
    for fn, intrinsic in [(s_len, "len"), (s_sub, "sub"), (s_byte, "byte"), (s_char, "char")]:
        fn.jit_intrinsic = intrinsic
    for name, fn in [
        ("len", s_len), ("sub", s_sub), ("upper", s_upper), ("lower", s_lower), ("reverse", s_reverse),
        ("rep", s_rep), ("byte", s_byte), ("char", s_char), ("format", co_impl.nonyieldable(rt, s_format)),
        ("find", s_find), ("match", s_match), ("gmatch", s_gmatch), ("gsub", co_impl.nonyieldable(rt, s_gsub)),
        ("dump", s_dump),
    ]:
        reg(name, fn)
    try:
        from ylua.stdlib import strpack
    except ImportError:
        strpack = None
    if strpack is not None:
        strpack.register(lib)
    rt.globals.set_str(b"string", lib)
    rt.string_meta = string_metatable(rt, lib)


def string_metatable(rt, lib: LuaTable) -> LuaTable:
    """Strings index the string library, and convert themselves to numbers for arithmetic (5.4's lstrlib)."""
    mt = LuaTable()
    mt.set_str(b"__index", lib)

    def tonum(v):
        if type(v) in (int, float):
            return v
        if type(v) is bytes:
            return str2number(v)
        return None

    def make(opname, event):
        verb = event[2:].decode()

        def mm(a=None, b=None, *_):
            na, nb = tonum(a), tonum(b)
            if na is not None and nb is not None:
                try:
                    return (rt.arith(opname, na, nb) if opname != "unm" else rt.arith("-", 0, na) if type(na) is int
                            else -na,)
                except LuaError as e:  # raised inside this C function: no position (e.g. "attempt to divide by zero")
                    e.needs_where = False
                    raise
            # PUC's trymt: the second operand's own metamethod, if it is not a string
            h = rt.metamethod(b, event) if type(b) is not bytes else None
            if h is None:
                raise LuaError(f"attempt to {verb} a '{type_name(a)}' with a '{type_name(b)}'".encode(),
                               needs_where=True)
            res = rt.call(h, [a, b])
            return (res[0] if res else None,)

        return mm

    for opname, event in (("+", b"__add"), ("-", b"__sub"), ("*", b"__mul"), ("/", b"__div"), ("%", b"__mod"),
                          ("^", b"__pow"), ("//", b"__idiv"), ("unm", b"__unm")):
        mt.set_str(event, Builtin(co_impl.nonyieldable(rt, make(opname, event)), event.decode()))
    return mt
