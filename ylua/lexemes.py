"""Lexical details of Lua 5.4 that the grammar's regular expressions leave to us: string escapes, numerals."""

from __future__ import annotations

from ylua.errors import LuaSyntaxError
from ylua.numconv import str2number

ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, '"': 34, "'": 39}


def utf8_encode(cp: int) -> bytes:
    """PUC's luaO_utf8esc: up to 6 bytes, for code points up to 2^31."""
    if cp < 0x80:
        return bytes([cp])
    out = []
    mfb = 0x3F
    while True:
        out.append(0x80 | (cp & 0x3F))
        cp >>= 6
        mfb >>= 1
        if cp <= mfb:
            break
    out.append(((~mfb << 1) & 0xFF) | cp)
    return bytes(reversed(out))


def decode_string(tok: str, chunkname: str, line: int) -> bytes:
    """The value of a quoted string token (text decoded as latin-1)."""
    body = tok[1:-1]
    if "\\" not in body:
        return body.encode("latin-1")
    out = bytearray()
    i = 0
    n = len(body)

    def error(msg, upto):
        near = tok[0] + body[:upto]
        raise LuaSyntaxError(f"{chunkname}:{line}: {msg} near '{near}'")

    while i < n:
        ch = body[i]
        if ch != "\\":
            out += ch.encode("latin-1")
            i += 1
            continue
        i += 1
        e = body[i] if i < n else ""
        if e in ESCAPES:
            out.append(ESCAPES[e])
            i += 1
        elif e == "\n" or e == "\r":
            out.append(10)
            i += 1
            if i < n and body[i] in "\r\n" and body[i] != e:
                i += 1
        elif e == "x":
            hexd = body[i + 1:i + 3]
            if len(hexd) < 2 or any(c not in "0123456789abcdefABCDEF" for c in hexd):
                bad = 1
                while bad <= 2 and i + bad < n and body[i + bad] in "0123456789abcdefABCDEF":
                    bad += 1
                error("hexadecimal digit expected", i + bad + 1)
            out.append(int(hexd, 16))
            i += 3
        elif e == "z":
            i += 1
            while i < n and body[i] in " \t\r\n\f\v":
                i += 1
        elif e.isdigit():
            j = i
            while j < n and j < i + 3 and body[j].isdigit():
                j += 1
            v = int(body[i:j])
            if v > 255:
                error("decimal escape too large", j + 1)
            out.append(v)
            i = j
        elif e == "u":
            if i + 1 >= n or body[i + 1] != "{":
                error("missing '{' in \\u{xxxx}", i + 2)
            j = i + 2
            while j < n and body[j] in "0123456789abcdefABCDEF":
                j += 1
            if j == i + 2:
                error("hexadecimal digit expected", j + 1)
            cp = int(body[i + 2:j], 16)
            if cp >= 0x80000000:
                error("UTF-8 value too large", j + 1)
            if j >= n or body[j] != "}":
                error("missing '}' in \\u{xxxx}", j + 1)
            out += utf8_encode(cp)
            i = j + 1
        else:
            error("invalid escape sequence", i + 2 if i < n else i + 1)
    return bytes(out)


def decode_long_string(tok: str) -> bytes:
    level = tok.index("[", 1) + 1
    body = tok[level:-level]
    if body.startswith("\r\n") or body.startswith("\n\r"):
        body = body[2:]
    elif body.startswith("\n") or body.startswith("\r"):
        body = body[1:]
    return body.encode("latin-1")


def decode_number(tok: str, chunkname: str, line: int):
    v = str2number(tok.encode("latin-1"))
    if v is None or tok.strip() != tok:
        raise LuaSyntaxError(f"{chunkname}:{line}: malformed number near '{tok}'")
    return v
