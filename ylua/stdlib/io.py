"""The io library (cf. PUC's liolib.c): files are userdata wrapping Python binary streams."""

from __future__ import annotations

import io
import os
import re
import weakref
import sys

from ylua.errors import ArgError, lua_error
from ylua.numconv import fmt_number, str2number
from ylua.stdlib.helpers import arg, check_option, check_int, check_string, opt_int, opt_string, tname
from ylua.table import LuaTable
from ylua.values import Builtin, Userdata

BAD_FD = (None, b"Bad file descriptor", 9)  # what C stdio reports for the wrong direction
MODE = re.compile(rb"[rwa]\+?b*\Z")


class LuaFile:
    __slots__ = ("fh", "closed", "std", "is_pipe", "__weakref__")

    def __init__(self, fh, std=False):
        self.fh = fh
        self.closed = False
        self.std = std
        self.is_pipe = False


_open_files: weakref.WeakSet = weakref.WeakSet()  # the files a program opened (closed at exit, as lua_close does)


def close_open_files():
    """Close every file the program left open (their buffered writes reach the disk)."""
    for f in list(_open_files):
        if not f.closed and not f.std:
            f.closed = True
            try:
                f.fh.close()
            except OSError:
                pass


def io_error(filename, e: OSError):
    msg = e.strerror or str(e)
    if filename is not None:
        msg = filename.decode("latin-1") + ": " + msg
    return (None, msg.encode("latin-1"), e.errno or 0)


def read_number(fh):
    """Read a numeral as liolib's read_number does: the longest prefix that looks like a numeral (at most 200
    characters), the character after it left unread; the number, or None if the prefix is not a numeral."""
    buf = bytearray()

    def peek():
        return fh.peek(1)[:1] if hasattr(fh, "peek") else b""

    def test(chars: bytes) -> bool:
        c = peek()
        if c and c in chars and len(buf) < 200:
            buf.extend(fh.read(1))
            return True
        return False

    def digits(hexa: bool) -> int:
        n = 0
        while test(b"0123456789abcdefABCDEF" if hexa else b"0123456789"):
            n += 1
        return n

    while peek() and peek() in b" \t\n\r\f\v":
        fh.read(1)
    test(b"+-")
    hexa = False
    count = 0
    if test(b"0"):
        hexa = test(b"xX")
        count = 0 if hexa else 1
    count += digits(hexa)
    if test(b"."):
        count += digits(hexa)
    if count > 0 and test(b"pP" if hexa else b"eE"):
        test(b"+-")
        digits(False)
    return str2number(bytes(buf))


def write_number(v) -> bytes:
    """Numbers as g_write writes them: integers with %d, floats with LUAI_NUMFFORMAT ("%.14g", no ".0")."""
    return fmt_number(v) if type(v) is int else b"%.14g" % v


def open_lib(rt) -> None:
    lib = LuaTable()
    methods = LuaTable()
    meta = LuaTable()
    meta.set_str(b"__index", methods)
    meta.set_str(b"__name", b"FILE*")

    def new_file(fh, std=False):
        f = LuaFile(fh, std)
        if not std:
            _open_files.add(f)
        return Userdata(f, meta)

    stdin = new_file(sys.stdin.buffer, True)
    stdout = new_file(rt.stdout, True)
    stderr = new_file(sys.stderr.buffer, True)
    state = {"input": stdin, "output": stdout}

    def tofile(args, i=1) -> LuaFile:
        u = arg(args, i)
        if type(u) is not Userdata or type(u.payload) is not LuaFile:
            raise ArgError(i, f"FILE* expected, got {tname(u)}")
        if u.payload.closed:
            raise lua_error("attempt to use a closed file")
        return u.payload

    def read_formats(f: LuaFile, formats, first_arg):
        try:
            return read_from(f.fh, formats, first_arg)
        except io.UnsupportedOperation:  # not open for reading
            return BAD_FD

    def read_from(fh, formats, first_arg):
        if not formats:
            formats = [b"l"]
        out = []
        for k, fmt in enumerate(formats):
            if type(fmt) is int or type(fmt) is float:
                n = int(fmt)
                data = fh.read(n) if n > 0 else (b"" if fh.peek(1) else None)
                v = data if (data or n == 0) else None
                if n == 0 and v is None:
                    out.append(None)
                    return out
            else:
                if type(fmt) is not bytes:
                    raise ArgError(first_arg + k, f"string expected, got {tname(fmt)}")
                f_ = fmt[1:] if fmt.startswith(b"*") else fmt
                c = f_[:1]
                if c == b"n":
                    v = read_number(fh)
                elif c == b"l" or c == b"L":
                    line = fh.readline()
                    if not line:
                        v = None
                    else:
                        v = line if c == b"L" or not line.endswith(b"\n") else line[:-1]
                elif c == b"a":
                    v = fh.read()
                else:
                    raise ArgError(first_arg + k, "invalid format")
            out.append(v)
            if v is None:
                return out
        return out

    def f_read(*args):
        f = tofile(args)
        return read_formats(f, list(args[1:]), 2)

    def write_to(f: LuaFile, args, first, ret):
        fh = f.fh
        try:
            for k, v in enumerate(args):
                if type(v) is bytes:
                    fh.write(v)
                elif type(v) is int or type(v) is float:
                    fh.write(write_number(v))
                else:
                    raise ArgError(first + k, f"string expected, got {tname(v)}")
        except io.UnsupportedOperation:  # not open for writing
            return BAD_FD
        if f.std and fh is not rt.stdout:
            fh.flush()
        return (ret,)

    def f_write(*args):
        f = tofile(args)
        return write_to(f, args[1:], 2, args[0])

    def lines_iter(f: LuaFile, formats, close_at_end):
        def step(*_):
            if f.closed:
                raise lua_error("file is already closed")
            res = read_formats(f, list(formats), 2)
            if res[0] is None and close_at_end:
                f.closed = True
                f.fh.close()
            return tuple(res)

        return Builtin(step, "lines_iterator")

    def f_lines(*args):
        f = tofile(args)
        return (lines_iter(f, args[1:], False),)

    def f_close(*args):
        f = tofile(args)
        if f.std:
            return (None, b"cannot close standard file")
        f.closed = True
        f.fh.close()
        return (True,)

    def f_flush(*args):
        f = tofile(args)
        f.fh.flush()
        return (args[0],)

    def f_seek(*args):
        f = tofile(args)
        whence = opt_string(args, 2, b"cur")
        offset = opt_int(args, 3, 0)
        modes = {b"set": 0, b"cur": 1, b"end": 2}
        if whence not in modes:
            raise ArgError(2, f"invalid option '{whence.decode('latin-1')}'")
        try:
            return (f.fh.seek(offset, modes[whence]),)
        except OSError as e:
            return io_error(None, e)

    def f_setvbuf(*args):
        tofile(args)
        check_option(args, 2, [b"no", b"full", b"line"])
        return (True,)

    def f_tostring(*args):
        u = args[0]
        return (b"file (closed)" if u.payload.closed else f"file (0x{id(u):x})".encode(),)

    def f_gc(*args):
        u = args[0]
        if not u.payload.closed and not u.payload.std:
            u.payload.closed = True
            u.payload.fh.close()
        return ()

    for name, fn in [("read", f_read), ("write", f_write), ("lines", f_lines), ("close", f_close),
                     ("flush", f_flush), ("seek", f_seek), ("setvbuf", f_setvbuf)]:
        methods.set_str(name.encode(), Builtin(fn, name))
    meta.set_str(b"__tostring", Builtin(f_tostring, "tostring"))
    meta.set_str(b"__gc", Builtin(f_gc, "gc"))
    meta.set_str(b"__close", Builtin(f_gc, "close"))

    def open_file(name: bytes, mode: bytes):
        pymode = mode.replace(b"b", b"").decode()
        pymode = {"r": "rb", "w": "wb", "a": "ab", "r+": "r+b", "w+": "w+b", "a+": "a+b"}[pymode]
        return open(name, pymode)

    def io_open(*args):
        name = check_string(args, 1)
        mode = opt_string(args, 2, b"r")
        if not MODE.match(mode):
            raise ArgError(2, "invalid mode")
        try:
            return (new_file(open_file(name, mode)),)
        except OSError as e:
            return io_error(name, e)

    def io_close(*args):
        if args:
            return f_close(*args)
        return f_close(state["output"])

    def io_read(*args):
        return read_formats(tofile([state["input"]]), list(args), 1)

    def io_write(*args):
        out = state["output"]
        return write_to(tofile([out]), args, 1, out)

    def io_lines(*args):
        if not args or args[0] is None:
            return (lines_iter(tofile([state["input"]]), args[1:], False),)
        name = check_string(args, 1)
        try:
            fh = open(name, "rb")
        except OSError as e:
            raise lua_error(f"cannot open file '{name.decode('latin-1')}' ({e.strerror})") from None
        u = new_file(fh)
        return (lines_iter(u.payload, args[1:], True), None, None, u)

    def redirect(key, mode):
        def fn(*args):
            v = arg(args, 1)
            if v is not None and len(args) > 0:
                if type(v) is bytes:
                    try:
                        state[key] = new_file(open_file(v, mode))
                    except OSError as e:
                        raise lua_error(f"cannot open file '{v.decode('latin-1')}' ({e.strerror})") from None
                else:
                    tofile(args)
                    state[key] = v
            return (state[key],)

        return fn

    def io_type(*args):
        v = arg(args, 1)
        if type(v) is Userdata and type(v.payload) is LuaFile:
            return (b"closed file" if v.payload.closed else b"file",)
        if not args:
            raise ArgError(1, "value expected")
        return (None,)

    def io_tmpfile(*_):
        import tempfile

        return (new_file(tempfile.TemporaryFile("w+b")),)

    def io_popen(*args):
        import subprocess

        prog = check_string(args, 1)
        mode = opt_string(args, 2, b"r")
        if mode not in (b"r", b"w"):
            raise ArgError(2, "invalid mode")
        proc = subprocess.Popen(os.fsdecode(prog), shell=True,
                                stdout=subprocess.PIPE if mode == b"r" else None,
                                stdin=subprocess.PIPE if mode == b"w" else None)
        u = new_file(proc.stdout if mode == b"r" else proc.stdin)
        u.payload.is_pipe = True
        return (u,)

    for name, fn in [("open", io_open), ("close", io_close), ("read", io_read), ("write", io_write),
                     ("lines", io_lines), ("input", redirect("input", b"r")), ("output", redirect("output", b"w")),
                     ("type", io_type), ("tmpfile", io_tmpfile), ("popen", io_popen)]:
        lib.set_str(name.encode(), Builtin(fn, name))
    lib.set_str(b"stdin", stdin)
    lib.set_str(b"stdout", stdout)
    lib.set_str(b"stderr", stderr)
    rt.globals.set_str(b"io", lib)


__all__ = ["LuaFile", "check_int", "open_lib"]
