"""The string library (cf. PUC's lstrlib.c) and the strings' metatable."""

from __future__ import annotations

from ylua import coroutine as co_impl
from ylua.errors import ArgError, LuaError, lua_error
from ylua.numconv import fmt_number, str2number
from ylua.stdlib import lpattern, lpattern_re, strformat
from ylua.stdlib.gsub_bytemap import gsub_table
from ylua.stdlib.helpers import arg, check_int, check_string, opt_int, tname
from ylua.table import LuaTable
from ylua.values import Builtin, LuaFunction, type_name

MAX_STRING = 2**31
_CHARS = [bytes((c,)) for c in range(256)]
_INT_ONLY = {int}


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
        if args and type(args[0]) is bytes:
            return (len(args[0]),)
        return (len(check_string(args, 1)),)

    def s_sub(*args):
        na = len(args)
        if na == 3:  # the common cases first: s:sub(i, j) and s:sub(i) with a positive i and j
            s, i, j = args
            if type(s) is bytes and type(i) is int and type(j) is int and i > 0 and j >= 0:
                return (s[i - 1:j],)
        elif na == 2:
            s, i = args
            if type(s) is bytes and type(i) is int and i > 0:
                return (s[i - 1:],)
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
        na = len(args)
        if na == 2:  # s:byte(i)
            s, i = args
            if type(s) is bytes and type(i) is int and 0 < i <= len(s):
                return (s[i - 1],)
        elif na == 1:
            s = args[0]
            if type(s) is bytes and s:
                return (s[0],)
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
        if len(args) == 1:
            c = args[0]
            if type(c) is int and 0 <= c <= 255:
                return (_CHARS[c],)
        elif set(map(type, args)) == _INT_ONLY:  # (bool is an int to bytes(): the types must be exactly int)
            try:
                return (bytes(args),)
            except ValueError:  # a code out of range: reported below
                pass
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

    def find_args(args):
        """(subject, pattern, init) of string.find and string.match, with lstrlib's checks; the common case of
        two strings and a positive init costs no check call."""
        na = len(args)
        s = args[0] if na else None
        if type(s) is not bytes:
            s = check_string(args, 1)
        p = args[1] if na > 1 else None
        if type(p) is not bytes:
            p = check_string(args, 2)
        init = args[2] if na > 2 else 1
        if type(init) is not int or init <= 0:
            init = posrelat_start(opt_int(args, 3, 1), len(s))
        return s, p, init

    def s_find(*args):
        s, p, init = find_args(args)
        plain = len(args) >= 4 and args[3] is not None and args[3] is not False
        return lpattern_re.find(s, p, init, plain)

    def s_match(*args):
        s, p, init = find_args(args)
        return lpattern_re.match(s, p, init)

    def s_gmatch(*args):
        s = check_string(args, 1)
        p = check_string(args, 2)
        init = posrelat_start(opt_int(args, 3, 1), len(s))
        if init > len(s) + 1:
            init = len(s) + 2  # past the end: not even an empty match there
        it = lpattern_re.gmatch(s, p, init)

        def step(*_):
            for caps in it:
                return caps
            return ()

        return (Builtin(step, "gmatch_iterator"),)

    def s_gsub(*args):
        if len(args) == 3:  # no match: the string itself, before the checks and set-up a replacement needs
            src, p, repl = args
            if (type(src) is bytes and type(p) is bytes and type(repl) in REPLACEMENTS
                    and lpattern_re.finds_nothing(src, p)):
                return src, 0
        src = check_string(args, 1)
        p = check_string(args, 2)
        repl = arg(args, 3)
        max_n = opt_int(args, 4, len(src) + 1)  # checked before the replacement, as lstrlib does
        tr = type(repl)
        if tr is bytes:
            kind = lpattern.REPL_STRING
        elif tr is int or tr is float:
            repl = fmt_number(repl)
            kind = lpattern.REPL_STRING
        elif tr is LuaTable:
            if repl.meta is None:
                done = gsub_table(src, p, repl.hash.get, max_n)
                if done is not None:
                    return done
            kind = lpattern.REPL_TABLE
            repl = table_lookup(repl)
        elif tr is LuaFunction or tr is Builtin:
            kind = lpattern.REPL_FUNCTION
            repl = function_call(repl)
        else:
            raise ArgError(3, f"string/function/table expected, got {tname(repl)}")
        return lpattern_re.gsub(src, p, kind, repl, max_n)

    def table_lookup(t):
        index = rt.index

        def lookup(key):
            if type(key) is bytes and t.meta is None:
                return t.hash.get(key)
            return index(t, key)

        return lookup

    def function_call(fn):
        call = rt.call

        def do_call(*caps):
            res = call(fn, list(caps))
            return res[0] if res else None

        return do_call

    def s_dump(*args):
        raise lua_error("unable to dump given function")

    # Functions a trace may compute natively (ylua/jit_record_ops.py) instead of calling them.
    gsub = co_impl.nonyieldable(rt, s_gsub)
    for fn, intrinsic in [(s_len, "len"), (s_sub, "sub"), (s_byte, "byte"), (s_char, "char"), (s_find, "find"),
                          (s_match, "match"), (gsub, "gsub")]:
        fn.jit_intrinsic = intrinsic
    for name, fn in [
        ("len", s_len), ("sub", s_sub), ("upper", s_upper), ("lower", s_lower), ("reverse", s_reverse),
        ("rep", s_rep), ("byte", s_byte), ("char", s_char), ("format", co_impl.nonyieldable(rt, s_format)),
        ("find", s_find), ("match", s_match), ("gmatch", s_gmatch), ("gsub", gsub),
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


REPLACEMENTS = frozenset((bytes, int, float, LuaTable, LuaFunction, Builtin))  # what gsub's 3rd argument may be


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
