"""The utf8 library (cf. PUC's lutf8lib.c), with 5.4's extended sequences up to 2^31 and the `lax` flags."""

from __future__ import annotations

from ylua.errors import ArgError, lua_error
from ylua.lexemes import utf8_encode
from ylua.stdlib.helpers import check_int, check_string, opt_int
from ylua.table import LuaTable
from ylua.values import Builtin

MAXUNICODE = 0x10FFFF
MAXUTF = 0x7FFFFFFF
LIMITS = [0xFFFFFFFF, 0x80, 0x800, 0x10000, 0x200000, 0x4000000]
CHARPATTERN = b"[\x00-\x7F\xC2-\xFD][\x80-\xBF]*"


def iscont(s: bytes, i: int) -> bool:
    return i < len(s) and (s[i] & 0xC0) == 0x80


def decode(s: bytes, i: int, strict: bool):
    """(code, index after the sequence) or None for an invalid sequence."""
    n = len(s)
    c = s[i]
    if c < 0x80:
        res = c
        count = 0
    else:
        res = 0
        count = 0
        while c & 0x40:
            count += 1
            cc = s[i + count] if i + count < n else 0
            if (cc & 0xC0) != 0x80:
                return None
            res = (res << 6) | (cc & 0x3F)
            c = (c << 1) & 0xFF
        res |= (c & 0x7F) << (count * 5)
        if count > 5 or res > MAXUTF or res < LIMITS[count]:
            return None
    if strict and (res > MAXUNICODE or 0xD800 <= res <= 0xDFFF):
        return None
    return res, i + count + 1


def u_posrelat(pos: int, length: int) -> int:
    if pos >= 0:
        return pos
    if -pos > length:
        return 0
    return length + pos + 1


def open_lib(rt) -> None:
    lib = LuaTable()

    def lax_arg(args, i):
        return len(args) >= i and args[i - 1] is not None and args[i - 1] is not False

    def u_char(*args):
        out = bytearray()
        for k in range(1, len(args) + 1):
            code = check_int(args, k)
            if not 0 <= code <= MAXUTF:
                raise ArgError(k, "value out of range")
            out += utf8_encode(code)
        return (bytes(out),)

    def u_codepoint(*args):
        s = check_string(args, 1)
        n = len(s)
        posi = u_posrelat(opt_int(args, 2, 1), n)
        pose = u_posrelat(opt_int(args, 3, posi), n)
        strict = not lax_arg(args, 4)
        if posi < 1:
            raise ArgError(2, "out of bounds")
        if pose > n:
            raise ArgError(3, "out of bounds")
        out = []
        i = posi - 1
        while i < pose:
            r = decode(s, i, strict)
            if r is None:
                raise lua_error("invalid UTF-8 code")
            out.append(r[0])
            i = r[1]
        return tuple(out)

    def u_len(*args):
        s = check_string(args, 1)
        n = len(s)
        posi = u_posrelat(opt_int(args, 2, 1), n)
        posj = u_posrelat(opt_int(args, 3, -1), n)
        strict = not lax_arg(args, 4)
        if not (1 <= posi and posi - 1 <= n):
            raise ArgError(2, "initial position out of bounds")
        posi -= 1
        posj -= 1
        if posj >= n:
            raise ArgError(3, "final position out of bounds")
        count = 0
        while posi <= posj:
            r = decode(s, posi, strict)
            if r is None:
                return (None, posi + 1)
            posi = r[1]
            count += 1
        return (count,)

    def u_offset(*args):
        s = check_string(args, 1)
        length = len(s)
        n = check_int(args, 2)
        posi = u_posrelat(opt_int(args, 3, 1 if n >= 0 else length + 1), length)
        if not (1 <= posi and posi - 1 <= length):
            raise ArgError(3, "position out of bounds")
        posi -= 1
        if n == 0:
            while posi > 0 and iscont(s, posi):
                posi -= 1
            return (posi + 1,)
        if iscont(s, posi):
            raise lua_error("initial position is a continuation byte")
        if n < 0:
            while n < 0 and posi > 0:
                posi -= 1
                while posi > 0 and iscont(s, posi):
                    posi -= 1
                n += 1
        else:
            n -= 1
            while n > 0 and posi < length:
                posi += 1
                while iscont(s, posi):
                    posi += 1
                n -= 1
        return (posi + 1,) if n == 0 else (None,)

    def u_codes(*args):
        s = check_string(args, 1)
        strict = not lax_arg(args, 2)
        if s and iscont(s, 0):
            raise lua_error("invalid UTF-8 code")

        def step(*sargs):
            i = sargs[1] if len(sargs) > 1 and type(sargs[1]) is int else 0
            n = len(s)
            while i < n and iscont(s, i):
                i += 1
            if i >= n:
                return (None,)
            r = decode(s, i, strict)
            if r is None or iscont(s, r[1]):
                raise lua_error("invalid UTF-8 code")
            return (i + 1, r[0])

        return (Builtin(step, "codes_iterator"), s, 0)

    for name, fn in [("char", u_char), ("codepoint", u_codepoint), ("len", u_len), ("offset", u_offset),
                     ("codes", u_codes)]:
        lib.set_str(name.encode(), Builtin(fn, name))
    lib.set_str(b"charpattern", CHARPATTERN)
    rt.globals.set_str(b"utf8", lib)
