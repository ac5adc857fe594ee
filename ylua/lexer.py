"""The Lua 5.4 tokenizer: PUC's llex.c as one master regular expression (one alternative per kind of token, tried in
order at each position after spaces) and a dispatch on the alternative that matched.

A token is a tuple (kind, value, line). The kind of a reserved word or a symbol is its own text ('end', '==', '(');
other kinds are NAME, NUMBER, STRING and EOF, which are also the words PUC shows for them ('<name>' expected). Any
other character is a token of its own, as in llex, which the parser then rejects ('unexpected symbol near '@'').
`line` is the line where the token starts; PUC reports errors at the line where it ends (Lexer.error_line).
"""

from __future__ import annotations

import re

from ylua.lexemes import error, long_string_value, numeral, quoted, read_string

NAME = "<name>"
NUMBER = "<number>"
STRING = "<string>"
EOF = "<eof>"

RESERVED = ("and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in", "local",
            "nil", "not", "or", "repeat", "return", "then", "true", "until", "while")
SYMBOLS = ("==", "~=", "<=", ">=", "<<", ">>", "//", "::", "...", "..", "-", "+", "*", "/", "%", "^", "#", "&",
           "~", "|", "<", ">", "=", "(", ")", "{", "}", "[", "]", ";", ":", ",", ".")
# the token kind of a word or a symbol; a word not in here is a NAME
FIXED = {s: s for s in RESERVED + SYMBOLS}

_TOKEN = re.compile(r"""[ \t\f\v]*+(?:
 ([A-Za-z_][A-Za-z0-9_]*)                                   # 1 name or reserved word
|(\n)                                                       # 2
|(\.?(?:0[xX](?:[pP][-+]?|[0-9a-fA-F.])*|[0-9](?:[eE][-+]?|[0-9a-fA-F.])*)[A-Za-z_]?)  # 3 numeral, as read_numeral
|(--\[(=*)\[.*?\]\5\])                                      # 4 long comment (5: its level)
|(--[^\n]*)                                                 # 6 comment (or an unfinished long one)
|(==|~=|<=|>=|<<|>>|//|::|\.\.\.|\.\.|[-+*/%^\#&~|<>=(){}\];:,.]|\[(?![=\[]))  # 7 symbol
|("[^"\\\n]*(?:\\(?:z[ \t\n\v\f]*|.)[^"\\\n]*)*"|'[^'\\\n]*(?:\\(?:z[ \t\n\v\f]*|.)[^'\\\n]*)*')  # 8 quoted string
|(\[(=*)\[(.*?)\]\10\])                                     # 9 long string (10: its level, 11: its text)
|(["'])                                                     # 12 an unfinished quoted string
|(\[=*)                                                     # 13 an unfinished long string or a bad delimiter
|(.)                                                        # 14 any other character is a token of its own
)""", re.VERBOSE | re.DOTALL)
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
    """Tokens of one chunk's text (already decoded as latin-1 and normalised), produced on demand by `tokens()`.
    It remembers where the last string or numeral it produced lies, for error messages about the current token."""

    def __init__(self, text: str, chunkname: str):
        self.text = text
        self.chunkname = chunkname
        self.last = (0, 0, 0)  # (start, end, end line) of the last string or numeral token

    def tokens(self):
        text = self.text
        chunkname = self.chunkname
        fixed = FIXED
        line = 1
        for m in _TOKEN.finditer(text):
            g = m.lastindex
            if g == 1:
                s = m.group(1)
                yield fixed.get(s, NAME), s, line
            elif g == 7:
                s = m.group(7)
                yield s, s, line
            elif g == 2:
                line += 1
            elif g == 3:
                s = m.group(3)
                self.last = (m.start(3), m.end(), line)
                yield NUMBER, numeral(s, chunkname, line), line
            elif g == 8:
                s = m.group(8)
                start = m.start(8)
                if "\\" in s:
                    value, end, end_line = read_string(text, start, line, chunkname)
                    self.last = (start, end, end_line)
                    yield STRING, value, line
                    line = end_line
                else:
                    self.last = (start, m.end(), line)
                    yield STRING, s[1:-1].encode("latin-1"), line
            elif g == 6:
                if m.group(6).startswith("--["):
                    self._unfinished_long_bracket(m.start(6) + 2, "comment")
            elif g == 4:
                line += m.group(4).count("\n")
            elif g == 9:
                body = m.group(11)
                n = body.count("\n")
                self.last = (m.start(9), m.end(), line + n)
                yield STRING, long_string_value(body), line
                line += n
            elif g == 12:
                read_string(text, m.start(12), line, chunkname)
                raise AssertionError("a quoted string the tokenizer could not match was read")
            elif g == 13:
                self._unfinished_long_bracket(m.start(13), "string")
                raise error(chunkname, line, "invalid long string delimiter", quoted(m.group(13)))
            else:
                yield m.group(14), None, line
        while True:
            yield EOF, None, line

    def _unfinished_long_bracket(self, pos: int, what: str) -> None:
        """A long string or comment opened at text[pos] and never closed: PUC reports it at the end of the text."""
        text = self.text
        m = re.compile(r"\[=*\[").match(text, pos)
        if m is not None:
            first = text.count("\n", 0, pos) + 1
            last = text.count("\n") + 1
            raise error(self.chunkname, last, f"unfinished long {what} (starting at line {first})", EOF)

    def near(self, kind: str, value) -> str:
        """txtToken: the current token as PUC shows it after 'near' (for a name, string or numeral, its text as
        read: a string with its quotes and escapes decoded)."""
        if kind == NAME:
            return quoted(value)
        if kind == STRING or kind == NUMBER:
            start, end, _ = self.last
            text = self.text[start:end]
            if kind == STRING and text[0] in "\"'":
                text = text[0] + value.decode("latin-1") + text[0]
            elif kind == STRING:
                level = text.index("[", 1) + 1
                text = text[:level] + value.decode("latin-1") + text[-level:]
            return quoted(text)
        return describe(kind)

    def error_line(self, kind: str, line: int) -> int:
        """The line PUC reports an error about the current token at: where that token ends."""
        return self.last[2] if kind == STRING else line
