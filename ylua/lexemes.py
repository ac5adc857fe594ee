"""Lexical details of Lua 5.4 that the grammar's regular expressions leave to us: string escapes, numerals."""

from __future__ import annotations

import re

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
    return _decode_escapes(tok[0], body, tok[-1], chunkname, line)


def _line_breaks(text: str) -> int:
    return len(_LINE_BREAK.findall(text))


_LINE_BREAK = re.compile(r"\r\n|\n\r|\n|\r")
HEX_DIGITS = "0123456789abcdefABCDEF"


def _decode_escapes(quote: str, body: str, after: str, chunkname: str, line: int) -> bytes:
    """The value of the string `body` opened by `quote`; `after` is the character that ended it (its closing
    quote, a line break or '' at the end of input), shown like PUC shows it in escape errors."""
    out = bytearray()
    i = 0
    n = len(body)

    def error(msg, upto):
        """PUC's esccheck: the message shows the string read so far, up to body[upto - 1]."""
        near = (quote + body + after)[:1 + upto]
        raise LuaSyntaxError(f"{chunkname}:{line + _line_breaks(body[:upto])}: {msg} near '{near}'")

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
            j = i + 1
            while j < i + 3 and j < n and body[j] in HEX_DIGITS:
                j += 1
            if j < i + 3:
                error("hexadecimal digit expected", j + 1)
            out.append(int(body[i + 1:i + 3], 16))
            i = j
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
            cp, i = _utf8_escape(body, i, error)
            out += utf8_encode(cp)
        elif e == "":
            break  # a backslash at the end of input: the caller reports the unfinished string
        else:
            error("invalid escape sequence", i + 1)
    return bytes(out)


def _utf8_escape(body: str, i: int, error) -> tuple[int, int]:
    """The code point of the escape \\u{XXX} whose 'u' is at body[i], and the index after it (PUC's
    readutf8esc, with the same error order)."""
    n = len(body)
    if i + 1 >= n or body[i + 1] != "{":
        error("missing '{'", i + 2)
    j = i + 2
    if j >= n or body[j] not in HEX_DIGITS:
        error("hexadecimal digit expected", j + 1)
    cp = 0
    while j < n and body[j] in HEX_DIGITS:
        if cp > 0x7FFFFFF:
            error("UTF-8 value too large", j + 1)
        cp = cp * 16 + int(body[j], 16)
        j += 1
    if j >= n or body[j] != "}":
        error("missing '}'", j + 1)
    return cp, j + 1


def unfinished_string(text: str, pos: int, chunkname: str, line: int) -> str:
    """The error message for a short string opened at text[pos] (on `line`) that runs into a line break or the
    end of input: an error in one of its escapes if there is one, else PUC's 'unfinished string'."""
    i = pos + 1
    n = len(text)
    while i < n and text[i] not in "\r\n":
        if text[i] != "\\":
            i += 1
        elif text.startswith("z", i + 1):
            i += 2
            while i < n and text[i] in " \t\r\n\f\v":
                i += 1
        else:
            i += 3 if text[i + 1:i + 3] in ("\r\n", "\n\r") else 2
    i = min(i, n)
    body = text[pos + 1:i]
    value = _decode_escapes(text[pos], body, text[i:i + 1], chunkname, line)
    line += _line_breaks(body)
    if i == n:
        return f"{chunkname}:{line}: unfinished string near <eof>"
    return f"{chunkname}:{line}: unfinished string near '{text[pos]}{value.decode('latin-1')}'"


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
