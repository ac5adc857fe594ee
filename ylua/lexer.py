"""The Lua 5.4 tokenizer: PUC's llex.c as one master regular expression, one alternative per kind of token, tried in
order (spaces match none, so the search skips them), then a dispatch on the token's text: a reserved word or a
symbol is looked up, anything else is told by its first character.

A token is a tuple (kind, value, line). The kind of a reserved word or a symbol is its own text ('end', '==', '(');
other kinds are NAME, NUMBER, STRING and EOF, which are also the words PUC shows for them ('<name>' expected). Any
other character is a token of its own, as in llex, which the parser then rejects ('unexpected symbol near '@'').
`line` is the line where the token starts; PUC reports errors at the line where it ends (error_line). The value of a
name is its text, that of a numeral or a string a tuple (value, text, end line), the text for error messages.

Speed: tokens come in batches, one per segment of the text (some thousands of characters, whole lines), that a C
iterator (itertools.chain) hands out one by one. A segment is read by findall, with a variant of the expression
without groups (it spells out the levels of long brackets up to FAST_LEVELS): no match objects, no Python loop
around the engine. A token findall cannot settle - a string or long bracket that goes on past the segment, a deeper
long bracket, an unfinished one - is read again where it starts, whole, by the expression with groups (_TOKEN), and
the reading goes on after it. A lexical error ends its batch and is raised when the parser asks for its token, as
PUC's lexer raises it then.
"""

from __future__ import annotations

import re
from itertools import chain

from ylua.errors import LuaSyntaxError
from ylua.lexemes import error, long_string_value, numeral, quoted, read_string

NAME = "<name>"
NUMBER = "<number>"
STRING = "<string>"
EOF = "<eof>"

RESERVED = ("and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in", "local",
            "nil", "not", "or", "repeat", "return", "then", "true", "until", "while")
SYMBOLS = ("==", "~=", "<=", ">=", "<<", ">>", "//", "::", "...", "..", "-", "+", "*", "/", "%", "^", "#", "&",
           "~", "|", "<", ">", "=", "(", ")", "{", "}", "[", "]", ";", ":", ",", ".")
# the words and symbols that are their own kind; any other word is a NAME
FIXED = frozenset(RESERVED + SYMBOLS)

_ALTERNATIVES = r"""
 [A-Za-z_][A-Za-z0-9_]*                                                    # a name or reserved word
|[=~<>]=|<<|>>|//|::|\.\.\.?|[+*/%^\#&|(){}\];:,<>=~]                        # symbols but - . [
|\n
|-(?!-)
|0[xX](?:[pP][-+]?|[0-9a-fA-F.])*[A-Za-z_]?                                # numerals, as read_numeral reads them
|[0-9](?:[eE][-+]?|[0-9a-fA-F.])*[A-Za-z_]?
|\.(?:0[xX](?:[pP][-+]?|[0-9a-fA-F.])*|[0-9](?:[eE][-+]?|[0-9a-fA-F.])*)[A-Za-z_]?
|\.
|"[^"\\\n]*(?:\\(?:z[ \t\n\v\f]*|.)[^"\\\n]*)*"                             # quoted strings
|'[^'\\\n]*(?:\\(?:z[ \t\n\v\f]*|.)[^'\\\n]*)*'
|LONG_COMMENT                                                              # comments
|--[^\n]*
|LONG_STRING
|\[(?![=\[])
|\[=*\[?                                                                   # an unfinished one, a bad delimiter
|["']                                                                      # an unfinished quoted string
|[^ \t\f\v]                                                                # any other character is a token
"""
FAST_LEVELS = 4


def _expression(long_string: str, long_comment: str) -> re.Pattern:
    text = _ALTERNATIVES.replace("LONG_COMMENT", long_comment).replace("LONG_STRING", long_string)
    return re.compile(text, re.VERBOSE | re.DOTALL)


_TOKEN = _expression(r"\[(=*)\[.*?\]\2\]", r"--\[(=*)\[.*?\]\1\]")
_FAST = _expression(*("|".join(prefix + r"\[{0}\[.*?\]{0}\]".format("=" * k) for k in range(FAST_LEVELS + 1))
                      for prefix in ("", "--")))
SEGMENT = 4096  # characters, about
_LONG_OPEN = re.compile(r"\[=*\[")
_LONG_BRACKET = re.compile(r"\[(=*)\[(.*)\]\1\]", re.DOTALL)
NAME_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
NUMERAL_START = frozenset("0123456789.")
_LINE_BREAKS = re.compile(r"\r\n?|\n\r")


def normalise_newlines(text: str) -> str:
    """Every line break as '\\n': PUC counts \\n, \\r, \\r\\n and \\n\\r as one each, and reads each one inside a
    string as '\\n'."""
    if "\r" not in text:
        return text
    return _LINE_BREAKS.sub("\n", text)


def describe(kind: str) -> str:
    """luaX_token2str: how a token kind is named in 'X expected' messages."""
    if kind in (NAME, NUMBER, STRING, EOF):
        return kind
    if len(kind) == 1 and not " " <= kind <= "~":
        return f"'<\\{ord(kind)}>'"
    return f"'{kind}'"


class Lexer:
    """Tokens of one chunk's text (already decoded as latin-1 and normalised)."""

    def __init__(self, text: str, chunkname: str):
        self.text = text
        self.chunkname = chunkname

    def tokens(self):
        """An iterator of the tokens, then of EOF forever."""
        return chain.from_iterable(self._batches())

    def _batches(self):
        text = self.text
        size = len(text)
        pos = 0
        line = 1
        while pos < size:
            end = text.find("\n", pos + SEGMENT)
            end = size if end < 0 else end + 1
            out: list = []
            try:
                pos, line = self._read(pos, end, line, out)
            except LuaSyntaxError:
                yield out  # the tokens before the error: the parser gets it when it asks for the next one
                raise
            yield out
        while True:
            yield [(EOF, None, line)] * 64

    def _read(self, pos: int, end: int, line: int, out: list) -> tuple[int, int]:
        """Append the tokens of text[pos:end] (whole lines) to `out`; returns where the reading goes on (end, or
        after a token that findall could not settle there) and the line there."""
        chunkname = self.chunkname
        fixed = FIXED
        append = out.append
        strings = _FAST.findall(self.text, pos, end)
        for s in strings:
            if s in fixed:
                append((s, s, line))
                continue
            c = s[0]
            if c in NAME_START:
                append((NAME, s, line))
            elif c == "\n":
                line += 1
            elif c in NUMERAL_START:
                value = int(s) if len(s) < 19 and s.isdigit() else numeral(s, chunkname, line)
                append((NUMBER, (value, s, line), line))
            elif c == '"' or c == "'":
                if len(s) == 1:
                    return self._unsettled(strings.index(s), pos, end, line, out)
                if "\\" in s:
                    value, _, end_line = read_string(s, 0, line, chunkname)
                    append((STRING, (value, s, end_line), line))
                    line = end_line
                else:
                    append((STRING, (s[1:-1].encode("latin-1"), s, line), line))
            elif c == "-":
                if s.startswith("--[") and _LONG_OPEN.match(s, 2):
                    if not _LONG_BRACKET.fullmatch(s, 2):
                        return self._unsettled(strings.index(s), pos, end, line, out)
                    line += s.count("\n")
            elif c == "[":
                if s[-1] != "]":
                    return self._unsettled(strings.index(s), pos, end, line, out)
                level = s.index("[", 1) + 1
                body = s[level:-level]
                n = body.count("\n")
                append((STRING, (long_string_value(body), s, line + n), line))
                line += n
            else:
                append((s, None, line))
        return end, line

    def _unsettled(self, k: int, pos: int, end: int, line: int, out: list) -> tuple[int, int]:
        """The k-th token of text[pos:end], which findall could not settle there: a string or long bracket that
        goes on past `end`, a long bracket deeper than FAST_LEVELS, or an unfinished one. It is read again where
        it starts, whole (or its error raised); returns where the reading goes on after it, and the line there."""
        text = self.text
        matches = _FAST.finditer(text, pos, end)
        for _ in range(k):
            next(matches)
        start = next(matches).start()
        m = _TOKEN.match(text, start)
        s = m[0]
        if s[0] == "-":
            if not _LONG_BRACKET.fullmatch(s, 2):
                self._unfinished_long_bracket(start + 2, "comment")
            return m.end(), line + s.count("\n")
        if s[0] != "[":
            value, stop, end_line = read_string(text, start, line, self.chunkname)  # or its error
            out.append((STRING, (value, s, end_line), line))
            return stop, end_line
        long = _LONG_BRACKET.fullmatch(s)
        if long is None:
            self._unfinished_long_bracket(start, "string")
            raise error(self.chunkname, line, "invalid long string delimiter", quoted(s))
        body = long.group(2)
        n = body.count("\n")
        out.append((STRING, (long_string_value(body), s, line + n), line))
        return m.end(), line + n

    def _unfinished_long_bracket(self, pos: int, what: str) -> None:
        """A long string or comment opened at text[pos] and never closed: PUC reports it at the end of the text."""
        text = self.text
        if _LONG_OPEN.match(text, pos) is not None:
            first = text.count("\n", 0, pos) + 1
            last = text.count("\n") + 1
            raise error(self.chunkname, last, f"unfinished long {what} (starting at line {first})", EOF)

    def near(self, kind: str, value) -> str:
        """txtToken: the current token as PUC shows it after 'near' (for a name, string or numeral, its text as
        read: a string with its quotes and escapes decoded)."""
        if kind == NAME:
            return quoted(value)
        if kind == NUMBER:
            return quoted(value[1])
        if kind == STRING:
            text = value[1]
            level = 1 if text[0] in "\"'" else text.index("[", 1) + 1
            return quoted(text[:level] + value[0].decode("latin-1") + text[-level:])
        return describe(kind)


def error_line(kind: str, value, line: int) -> int:
    """The line PUC reports an error about a token at: where that token ends."""
    return value[2] if kind == STRING else line
