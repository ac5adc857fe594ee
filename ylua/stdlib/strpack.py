"""string.pack, string.unpack and string.packsize (cf. lstrlib.c's packing functions)."""

from __future__ import annotations

import struct

from ylua.errors import ArgError, lua_error
from ylua.numconv import wrap_int
from ylua.stdlib.helpers import check_int, check_number, check_string, opt_int
from ylua.values import Builtin

NATIVE_ALIGN = 8
MAXINTSIZE = 16


class FormatReader:
    """Walks a format string, yielding (option, size, alignment padding) as lstrlib's getdetails does."""

    def __init__(self, fmt: bytes):
        self.fmt = fmt
        self.i = 0
        self.little = True
        self.maxalign = 1

    def read_num(self, default: int) -> int:
        fmt = self.fmt
        if self.i < len(fmt) and 48 <= fmt[self.i] <= 57:
            n = 0
            while self.i < len(fmt) and 48 <= fmt[self.i] <= 57 and n < 100000000:
                n = n * 10 + fmt[self.i] - 48
                self.i += 1
            return n
        return default

    def int_size(self, default: int) -> int:
        n = self.read_num(default)
        if not 1 <= n <= MAXINTSIZE:
            raise lua_error(f"integral size ({n}) out of limits [1,{MAXINTSIZE}]")
        return n

    def option(self):
        """(kind, size): kind in 'int', 'uint', 'float', 'double', 'char', 'string', 'zstr', 'padding',
        'paddalign', 'nop'."""
        c = chr(self.fmt[self.i])
        self.i += 1
        if c == "b":
            return "int", 1
        if c == "B":
            return "uint", 1
        if c == "h":
            return "int", 2
        if c == "H":
            return "uint", 2
        if c in "lj":
            return "int", 8
        if c in "LJT":
            return "uint", 8
        if c == "i":
            return "int", self.int_size(4)
        if c == "I":
            return "uint", self.int_size(4)
        if c == "f":
            return "float", 4
        if c in "dn":
            return "double", 8
        if c == "s":
            return "string", self.int_size(8)
        if c == "c":
            size = self.read_num(-1)
            if size == -1:
                raise lua_error("missing size for format option 'c'")
            return "char", size
        if c == "z":
            return "zstr", 0
        if c == "x":
            return "padding", 1
        if c == "X":
            return "paddalign", 0
        if c == " ":
            return "nop", 0
        if c in "<=":
            self.little = True
            return "nop", 0
        if c == ">":
            self.little = False
            return "nop", 0
        if c == "!":
            self.maxalign = self.int_size(NATIVE_ALIGN)
            return "nop", 0
        raise lua_error(f"invalid format option '{c}'")

    def details(self, total: int):
        """(kind, size, padding before the item)."""
        kind, size = self.option()
        align = size
        if kind == "paddalign":
            if self.i >= len(self.fmt):
                raise lua_error("invalid next option for option 'X'")
            nkind, align = self.option()
            if nkind in ("char", "zstr", "nop", "padding", "paddalign") or align == 0:
                raise lua_error("invalid next option for option 'X'")
        if align <= 1 or kind in ("char", "zstr", "nop", "padding", "string") and kind != "paddalign":
            return kind, size, 0
        align = min(align, self.maxalign)
        if align & (align - 1):
            raise ArgError(1, "format asks for alignment not power of 2")
        pad = (align - (total & (align - 1))) & (align - 1)
        return kind, size, pad

    def more(self) -> bool:
        return self.i < len(self.fmt)


def pack_int(v: int, size: int, little: bool) -> bytes:
    data = (v & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
    return data if little else data[::-1]


def register(lib) -> None:
    def s_pack(*args):
        fmt = check_string(args, 1)
        r = FormatReader(fmt)
        out = bytearray()
        argi = 1
        while r.more():
            kind, size, pad = r.details(len(out))
            out += b"\0" * pad
            if kind in ("int", "uint"):
                argi += 1
                v = check_int(args, argi)
                if size < 8:
                    lim = 1 << (size * 8 - 1)
                    if kind == "int" and not -lim <= v < lim:
                        raise ArgError(argi, "integer overflow")
                    if kind == "uint" and not 0 <= (v & 0xFFFFFFFFFFFFFFFF) < (1 << (size * 8)):
                        raise ArgError(argi, "unsigned overflow")
                out += pack_int(v, size, r.little)
            elif kind in ("float", "double"):
                argi += 1
                x = float(check_number(args, argi))
                out += struct.pack(("<" if r.little else ">") + ("f" if kind == "float" else "d"), x)
            elif kind == "char":
                argi += 1
                s = check_string(args, argi)
                if len(s) > size:
                    raise ArgError(argi, "string longer than given size")
                out += s + b"\0" * (size - len(s))
            elif kind == "string":
                argi += 1
                s = check_string(args, argi)
                if size < 8 and len(s) >= 1 << (size * 8):
                    raise ArgError(argi, "string length does not fit in given size")
                out += pack_int(len(s), size, r.little) + s
            elif kind == "zstr":
                argi += 1
                s = check_string(args, argi)
                if b"\0" in s:
                    raise ArgError(argi, "string contains zeros")
                out += s + b"\0"
            elif kind == "padding":
                out += b"\0"
        return (bytes(out),)

    def s_packsize(*args):
        fmt = check_string(args, 1)
        r = FormatReader(fmt)
        total = 0
        while r.more():
            kind, size, pad = r.details(total)
            if kind in ("string", "zstr"):
                raise ArgError(1, "variable-length format")
            total += pad + size
            if total > 0x7FFFFFFF:
                raise ArgError(1, "format result too large")
        return (total,)

    def s_unpack(*args):
        fmt = check_string(args, 1)
        data = check_string(args, 2)
        ld = len(data)
        pos = opt_int(args, 3, 1)
        if pos < 0:
            pos = ld + pos + 1 if -pos <= ld else 1
        pos -= 1
        if not 0 <= pos <= ld:
            raise ArgError(3, "initial position out of string")
        r = FormatReader(fmt)
        results = []
        while r.more():
            kind, size, pad = r.details(pos)
            if pad + size > ld - pos and kind not in ("nop", "paddalign"):
                raise ArgError(2, "data string too short")
            pos += pad
            if kind in ("int", "uint"):
                chunk = data[pos:pos + size]
                if not r.little:
                    chunk = chunk[::-1]
                v = int.from_bytes(chunk, "little", signed=(kind == "int"))
                if size > 8:
                    if not -(2**63) <= v < 2**64:
                        raise lua_error(f"{size}-byte integer does not fit into Lua Integer")
                results.append(wrap_int(v))
            elif kind in ("float", "double"):
                fmtc = ("<" if r.little else ">") + ("f" if kind == "float" else "d")
                results.append(struct.unpack(fmtc, data[pos:pos + size])[0])
            elif kind == "char":
                results.append(data[pos:pos + size])
            elif kind == "string":
                chunk = data[pos:pos + size]
                n = int.from_bytes(chunk if r.little else chunk[::-1], "little")
                if n > ld - pos - size:
                    raise ArgError(2, "data string too short")
                results.append(data[pos + size:pos + size + n])
                pos += n
            elif kind == "zstr":
                end = data.find(b"\0", pos)
                if end < 0:
                    raise ArgError(2, "unfinished string for format 'z'")
                results.append(data[pos:end])
                pos = end + 1 - size
            pos += size
        results.append(pos + 1)
        return tuple(results)

    lib.set_str(b"pack", Builtin(s_pack, "pack"))
    lib.set_str(b"packsize", Builtin(s_packsize, "packsize"))
    lib.set_str(b"unpack", Builtin(s_unpack, "unpack"))
