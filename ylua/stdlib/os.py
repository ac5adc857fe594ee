"""The os library (cf. PUC's loslib.c)."""

from __future__ import annotations

import os
import tempfile
import time

from ylua.errors import ArgError, lua_error
from ylua.stdlib.helpers import arg, check_int, check_string, opt_string, tname
from ylua.table import LuaTable
from ylua.values import Builtin

STRFTIME_VALID = set("aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%")
STRFTIME_E = set("cCxXyY")
STRFTIME_O = set("deHImMSuUVwWy")


class LuaExit(Exception):
    """os.exit: the CLI flushes the output and exits with `code`."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def os_error(filename: bytes | None, e: OSError):
    msg = e.strerror or str(e)
    if filename is not None:
        msg = filename.decode("latin-1") + ": " + msg
    return (None, msg.encode("latin-1"), e.errno or 0)


def check_strftime(fmt: bytes) -> None:
    i = 0
    n = len(fmt)
    while i < n:
        if fmt[i] == 0x25:
            if i + 1 >= n:
                raise ArgError(1, "invalid conversion specifier '%'")
            c = chr(fmt[i + 1])
            if c in "EO":
                d = chr(fmt[i + 2]) if i + 2 < n else ""
                if (c == "E" and d not in STRFTIME_E) or (c == "O" and d not in STRFTIME_O) or not d:
                    raise ArgError(1, f"invalid conversion specifier '%{c}{d}'")
                i += 3
                continue
            if c not in STRFTIME_VALID:
                raise ArgError(1, f"invalid conversion specifier '%{c}'")
            i += 2
        else:
            i += 1


def open_lib(rt) -> None:
    lib = LuaTable()

    def field(t, key, default=None, delta=0):
        v = t.get_str(key)
        if v is None:
            if default is None:
                raise lua_error(f"field '{key.decode()}' missing in date table")
            return default
        if type(v) is float and v.is_integer():
            v = int(v)
        if type(v) is bytes:
            from ylua.numconv import to_integer

            iv = to_integer(v)
            if iv is None:
                raise lua_error(f"field '{key.decode()}' is not an integer")
            v = iv
        if type(v) is not int:
            raise lua_error(f"field '{key.decode()}' is not an integer")
        if not -(2**31) <= v - delta < 2**31:
            raise lua_error(f"field '{key.decode()}' is out-of-bound")
        return v

    def os_time(*args):
        t = arg(args, 1)
        if t is None or len(args) == 0:
            return (int(time.time()),)
        if type(t) is not LuaTable:
            raise ArgError(1, f"table expected, got {tname(t)}")
        year = field(t, b"year", None, 1900)
        month = field(t, b"month", None, 1)
        day = field(t, b"day")
        hour = field(t, b"hour", 12)
        minute = field(t, b"min", 0)
        sec = field(t, b"sec", 0)
        isdst = t.get_str(b"isdst")
        dst = -1 if isdst is None else (1 if isdst else 0)
        try:
            stamp = time.mktime((year, month, day, hour, minute, sec, 0, 0, dst))
        except (OverflowError, ValueError):
            raise lua_error("time result cannot be represented in this installation") from None
        lt = time.localtime(stamp)
        for key, v in ((b"year", lt.tm_year), (b"month", lt.tm_mon), (b"day", lt.tm_mday), (b"hour", lt.tm_hour),
                       (b"min", lt.tm_min), (b"sec", lt.tm_sec), (b"wday", (lt.tm_wday + 1) % 7 + 1),
                       (b"yday", lt.tm_yday), (b"isdst", bool(lt.tm_isdst))):
            t.set_str(key, v)
        return (int(stamp),)

    def os_date(*args):
        fmt = opt_string(args, 1, b"%c")
        stamp = check_int(args, 2) if len(args) >= 2 and args[1] is not None else int(time.time())
        utc = fmt.startswith(b"!")
        if utc:
            fmt = fmt[1:]
        try:
            tm = time.gmtime(stamp) if utc else time.localtime(stamp)
        except (OverflowError, ValueError, OSError):
            raise lua_error("date result cannot be represented in this installation") from None
        if fmt.startswith(b"*t"):
            t = LuaTable()
            for key, v in ((b"year", tm.tm_year), (b"month", tm.tm_mon), (b"day", tm.tm_mday),
                           (b"hour", tm.tm_hour), (b"min", tm.tm_min), (b"sec", tm.tm_sec),
                           (b"wday", (tm.tm_wday + 1) % 7 + 1), (b"yday", tm.tm_yday),
                           (b"isdst", bool(tm.tm_isdst))):
                t.set_str(key, v)
            return (t,)
        check_strftime(fmt)
        text = time.strftime(fmt.decode("latin-1"), tm) if fmt else ""
        return (text.encode("latin-1"),)

    def os_clock(*_):
        return (time.process_time(),)

    def os_getenv(*args):
        name = check_string(args, 1)
        v = os.environb.get(name)
        return (v,)

    def os_exit(*args):
        code = arg(args, 1)
        if code is None or code is True or len(args) == 0:
            c = 0
        elif code is False:
            c = 1
        else:
            c = check_int(args, 1)
        rt.stdout.flush()
        raise LuaExit(c)

    def os_remove(*args):
        name = check_string(args, 1)
        try:
            if os.path.isdir(name):
                os.rmdir(name)
            else:
                os.remove(name)
        except OSError as e:
            return os_error(name, e)
        return (True,)

    def os_rename(*args):
        a = check_string(args, 1)
        b = check_string(args, 2)
        try:
            os.rename(a, b)
        except OSError as e:
            return os_error(None, e)
        return (True,)

    def os_tmpname(*_):
        fd, path = tempfile.mkstemp(prefix="lua_")
        os.close(fd)
        return (path.encode(),)

    def os_difftime(*args):
        return (float(check_int(args, 1) - check_int(args, 2)),)

    def os_setlocale(*args):
        loc = opt_string(args, 1, None)
        return (b"C",) if loc in (None, b"", b"C", b"POSIX") else (None,)

    for name, fn in [("time", os_time), ("date", os_date), ("clock", os_clock), ("getenv", os_getenv),
                     ("exit", os_exit), ("remove", os_remove), ("rename", os_rename), ("tmpname", os_tmpname),
                     ("difftime", os_difftime), ("setlocale", os_setlocale)]:
        lib.set_str(name.encode(), Builtin(fn, name))
    rt.globals.set_str(b"os", lib)
