"""The values of Lua 5.4's literal tokens, read as PUC's llex.c reads them: quoted strings with their escapes, long
strings, numerals - with llex.c's error messages. The tokenizer (ylua/lexer.py) finds the tokens; this module
turns their text into values.

Texts are `str` decoded as latin-1 (one character per source byte) whose line breaks have been normalised to '\\n'
(ylua.lexer.normalise_newlines: PUC counts \\n, \\r, \\r\\n and \\n\\r as one line break each, and a line break
inside a string always reads as '\\n'), so a value is its text encoded back as latin-1.
"""

from __future__ import annotations

import re

from ylua.errors import LuaSyntaxError
from ylua.numconv import MAXINT, str2number

ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\", '"': '"',
           "'": "'", "\n": "\n"}
HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
DIGITS = frozenset("0123456789")
SPACES = frozenset(" \t\n\v\f\r")
# where a quoted string's plain text stops: its closing quote, an escape, or a line break (an unfinished string)
_STOP = {'"': re.compile(r'["\\\n]'), "'": re.compile(r"['\\\n]")}


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


def quoted(text: str) -> str:
    """A token's text as PUC shows it after 'near': quoted, and cut at a NUL byte (it is printed with %s)."""
    nul = text.find("\0")
    return f"'{text if nul < 0 else text[:nul]}'"


def error(chunkname: str, line: int, msg: str, near: str | None = None) -> LuaSyntaxError:
    """PUC's lexerror: `chunk:line: msg near token` (no 'near' part when `near` is None)."""
    if near is None:
        return LuaSyntaxError(f"{chunkname}:{line}: {msg}")
    return LuaSyntaxError(f"{chunkname}:{line}: {msg} near {near}")


# ---------------------------------------------------------------- quoted strings


def read_string(text: str, pos: int, line: int, chunkname: str) -> tuple[bytes, int, int]:
    """PUC's read_string for the string whose opening quote is text[pos], on `line`: returns its value, the index
    after its closing quote and the line that is on. Raises PUC's errors: an unfinished string (a line break or the
    end of the text before the closing quote), or a bad escape sequence."""
    quote = text[pos]
    stop = _STOP[quote].search
    out: list[str] = []
    i = pos + 1
    while True:
        m = stop(text, i)
        if m is None:
            raise error(chunkname, line, "unfinished string", "<eof>")
        j = m.start()
        if j > i:
            out.append(text[i:j])
        c = text[j]
        if c == quote:
            return "".join(out).encode("latin-1"), j + 1, line
        if c == "\n":
            raise error(chunkname, line, "unfinished string", quoted(quote + "".join(out)))
        i, line = _escape(text, j, line, out, quote, chunkname)


def _escape(text: str, j: int, line: int, out: list, quote: str, chunkname: str) -> tuple[int, int]:
    """Read the escape sequence whose backslash is text[j] into `out`; returns the index after it and the line.
    An error shows the string read so far, the escape up to the offending character included (llex's esccheck)."""
    n = len(text)

    def fail(msg: str, upto: int):
        raise error(chunkname, line, msg, quoted(quote + "".join(out) + text[j:upto + 1]))

    i = j + 1
    e = text[i:i + 1]
    simple = ESCAPES.get(e)
    if simple is not None:
        out.append(simple)
        return i + 1, line + (e == "\n")
    if e == "x":
        for k in (i + 1, i + 2):
            if k >= n or text[k] not in HEX_DIGITS:
                fail("hexadecimal digit expected", k)
        out.append(chr(int(text[i + 1:i + 3], 16)))
        return i + 3, line
    if e == "z":
        i += 1
        while i < n and text[i] in SPACES:
            line += text[i] == "\n"
            i += 1
        return i, line
    if e == "u":
        return _utf8_escape(text, i, out, fail), line
    if e == "":
        return i, line  # the end of the text: the caller reports the unfinished string
    if e not in DIGITS:
        fail("invalid escape sequence", i)
    k = i
    while k < i + 3 and k < n and text[k] in DIGITS:
        k += 1
    value = int(text[i:k])
    if value > 255:
        fail("decimal escape too large", k)
    out.append(chr(value))
    return k, line


def _utf8_escape(text: str, i: int, out: list, fail) -> int:
    """\\u{XXX} whose 'u' is text[i] (PUC's readutf8esc, with its checks in its order)."""
    n = len(text)
    if i + 1 >= n or text[i + 1] != "{":
        fail("missing '{'", i + 1)
    k = i + 2
    if k >= n or text[k] not in HEX_DIGITS:
        fail("hexadecimal digit expected", k)
    cp = int(text[k], 16)
    k += 1
    while k < n and text[k] in HEX_DIGITS:
        if cp > 0x7FFFFFF:
            fail("UTF-8 value too large", k)
        cp = cp * 16 + int(text[k], 16)
        k += 1
    if k >= n or text[k] != "}":
        fail("missing '}'", k)
    out.append(utf8_encode(cp).decode("latin-1"))
    return k + 1


# ---------------------------------------------------------------- long strings and numerals


def long_string_value(body: str) -> bytes:
    """The value of a long string whose text between its brackets is `body`: a first line break is skipped."""
    if body.startswith("\n"):
        body = body[1:]
    return body.encode("latin-1")


def numeral(tok: str, chunkname: str, line: int):
    """The value of a numeral token as llex's read_numeral reads it (the text lua_stringtonumber accepts), or PUC's
    'malformed number' error."""
    if tok.isdigit():
        v = int(tok)
        return v if v <= MAXINT else float(tok)
    v = str2number(tok.encode("latin-1"))
    if v is None:
        raise error(chunkname, line, "malformed number", quoted(tok))
    return v
