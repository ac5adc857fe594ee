"""Lua 5.4 patterns over byte strings: a backtracking matcher with Lua's exact semantics (cf. lstrlib.c's
match machinery): classes %a %c %d %g %l %p %s %u %w %x (C locale) and their complements, sets, the quantifiers
* + - ?, anchors, captures and position captures, back-references %1-%9, %b and %f."""

from __future__ import annotations

from ylua.errors import LuaError, lua_error
from ylua.numconv import fmt_number
from ylua.values import type_name

L_ESC = 0x25  # '%'
SPECIALS = frozenset(b"^$*+?.([%-")
MAXCCALLS = 200
CAP_UNFINISHED = -1
CAP_POSITION = -2
MAXCAPTURES = 32


def _cls(pred):
    return frozenset(c for c in range(256) if pred(c))


_CLASSES = {
    ord("a"): _cls(lambda c: chr(c).isalpha() and c < 128),
    ord("c"): _cls(lambda c: c < 32 or c == 127),
    ord("d"): _cls(lambda c: 48 <= c <= 57),
    ord("g"): _cls(lambda c: 33 <= c <= 126),
    ord("l"): _cls(lambda c: 97 <= c <= 122),
    ord("p"): _cls(lambda c: 33 <= c <= 126 and not chr(c).isalnum()),
    ord("s"): _cls(lambda c: c in (9, 10, 11, 12, 13, 32)),
    ord("u"): _cls(lambda c: 65 <= c <= 90),
    ord("w"): _cls(lambda c: chr(c).isalnum() and c < 128),
    ord("x"): _cls(lambda c: chr(c) in "0123456789abcdefABCDEF"),
    ord("z"): frozenset((0,)),  # deprecated in 5.2 but still in 5.4's lstrlib
}


def match_class(c: int, cl: int) -> bool:
    lower = cl | 0x20
    members = _CLASSES.get(lower)
    if members is None:
        return cl == c
    res = c in members
    return res if cl == lower else not res


class MatchState:
    __slots__ = ("src", "pat", "level", "capture", "matchdepth")

    def __init__(self, src: bytes, pat: bytes):
        self.src = src
        self.pat = pat
        self.level = 0
        self.capture = [[0, 0] for _ in range(MAXCAPTURES)]
        self.matchdepth = MAXCCALLS

    # ------------------------------------------------------------ pattern items

    def class_end(self, p: int) -> int:
        pat = self.pat
        n = len(pat)
        c = pat[p]
        p += 1
        if c == L_ESC:
            if p >= n:
                raise lua_error("malformed pattern (ends with '%')")
            return p + 1
        if c == 0x5B:  # '[': the first character of the set (even ']') is always a member
            if p < n and pat[p] == 0x5E:
                p += 1
            while True:
                if p >= n:
                    raise lua_error("malformed pattern (missing ']')")
                cc = pat[p]
                p += 1
                if cc == L_ESC and p < n:
                    p += 1
                if p >= n:
                    raise lua_error("malformed pattern (missing ']')")
                if pat[p] == 0x5D:
                    return p + 1
        return p

    def match_bracket(self, c: int, p: int, ec: int) -> bool:
        """p at '[', ec at the closing ']'."""
        pat = self.pat
        sig = True
        p += 1
        if pat[p] == 0x5E:
            sig = False
            p += 1
        while p < ec:
            pc = pat[p]
            if pc == L_ESC:
                p += 1
                if match_class(c, pat[p]):
                    return sig
                p += 1
            elif p + 2 < ec and pat[p + 1] == 0x2D:  # a range x-y
                if pc <= c <= pat[p + 2]:
                    return sig
                p += 3
            else:
                if pc == c:
                    return sig
                p += 1
        return not sig

    def single_match(self, s: int, p: int, ep: int) -> bool:
        if s >= len(self.src):
            return False
        c = self.src[s]
        pc = self.pat[p]
        if pc == 0x2E:  # '.'
            return True
        if pc == L_ESC:
            return match_class(c, self.pat[p + 1])
        if pc == 0x5B:
            return self.match_bracket(c, p, ep - 1)
        return pc == c

    # ------------------------------------------------------------ matching

    def match(self, s: int, p: int) -> int:
        """The end of the match of pat[p:] at src[s:], or -1."""
        self.matchdepth -= 1
        if self.matchdepth == 0:
            raise lua_error("pattern too complex")
        try:
            return self._match(s, p)
        finally:
            self.matchdepth += 1

    def _match(self, s: int, p: int) -> int:
        pat = self.pat
        src = self.src
        plen = len(pat)
        while True:
            if p >= plen:
                return s
            pc = pat[p]
            if pc == 0x28:  # '('
                if p + 1 < plen and pat[p + 1] == 0x29:
                    return self.start_capture(s, p + 2, CAP_POSITION)
                return self.start_capture(s, p + 1, CAP_UNFINISHED)
            if pc == 0x29:  # ')'
                return self.end_capture(s, p + 1)
            if pc == 0x24 and p + 1 == plen:  # '$' at the end
                return s if s == len(src) else -1
            if pc == L_ESC and p + 1 < plen:
                nc = pat[p + 1]
                if nc == 0x62:  # %b
                    s = self.match_balance(s, p + 2)
                    if s == -1:
                        return -1
                    p += 4
                    continue
                if nc == 0x66:  # %f
                    p += 2
                    if p >= plen or pat[p] != 0x5B:
                        raise lua_error("missing '[' after '%f' in pattern")
                    ep = self.class_end(p)
                    prev = src[s - 1] if s > 0 else 0
                    cur = src[s] if s < len(src) else 0
                    if not self.match_bracket(prev, p, ep - 1) and self.match_bracket(cur, p, ep - 1):
                        p = ep
                        continue
                    return -1
                if 0x30 <= nc <= 0x39:  # %0-%9 back-reference
                    s = self.match_capture(s, nc)
                    if s == -1:
                        return -1
                    p += 2
                    continue
            ep = self.class_end(p)
            epc = pat[ep] if ep < plen else None
            if not self.single_match(s, p, ep):
                if epc in (0x2A, 0x3F, 0x2D):  # '*', '?', '-' accept zero repetitions
                    p = ep + 1
                    continue
                return -1
            if epc == 0x3F:  # '?'
                res = self.match(s + 1, ep + 1)
                if res != -1:
                    return res
                p = ep + 1
                continue
            if epc == 0x2B:  # '+'
                return self.max_expand(s + 1, p, ep)
            if epc == 0x2A:  # '*'
                return self.max_expand(s, p, ep)
            if epc == 0x2D:  # '-'
                return self.min_expand(s, p, ep)
            s += 1
            p = ep

    def max_expand(self, s: int, p: int, ep: int) -> int:
        i = 0
        while self.single_match(s + i, p, ep):
            i += 1
        while i >= 0:
            res = self.match(s + i, ep + 1)
            if res != -1:
                return res
            i -= 1
        return -1

    def min_expand(self, s: int, p: int, ep: int) -> int:
        while True:
            res = self.match(s, ep + 1)
            if res != -1:
                return res
            if self.single_match(s, p, ep):
                s += 1
            else:
                return -1

    def start_capture(self, s: int, p: int, what: int) -> int:
        if self.level >= MAXCAPTURES:
            raise lua_error("too many captures")
        self.capture[self.level][0] = s
        self.capture[self.level][1] = what
        self.level += 1
        res = self.match(s, p)
        if res == -1:
            self.level -= 1
        return res

    def end_capture(self, s: int, p: int) -> int:
        lvl = self.capture_to_close()
        self.capture[lvl][1] = s - self.capture[lvl][0]
        res = self.match(s, p)
        if res == -1:
            self.capture[lvl][1] = CAP_UNFINISHED
        return res

    def capture_to_close(self) -> int:
        level = self.level - 1
        while level >= 0:
            if self.capture[level][1] == CAP_UNFINISHED:
                return level
            level -= 1
        raise lua_error("invalid pattern capture")

    def match_balance(self, s: int, p: int) -> int:
        if p + 1 >= len(self.pat):
            raise lua_error("malformed pattern (missing arguments to '%b')")
        src = self.src
        if s >= len(src) or src[s] != self.pat[p]:
            return -1
        b, e = self.pat[p], self.pat[p + 1]
        cont = 1
        s += 1
        while s < len(src):
            c = src[s]
            if c == e:
                cont -= 1
                if cont == 0:
                    return s + 1
            elif c == b:
                cont += 1
            s += 1
        return -1

    def check_capture(self, l_char: int) -> int:
        lvl = l_char - 0x31
        if lvl < 0 or lvl >= self.level or self.capture[lvl][1] == CAP_UNFINISHED:
            raise lua_error(f"invalid capture index %{lvl + 1}")
        return lvl

    def match_capture(self, s: int, l_char: int) -> int:
        lvl = self.check_capture(l_char)
        start, length = self.capture[lvl]
        if length == CAP_POSITION:  # PUC compares (size_t)-2 bytes: never a match
            return -1
        piece = self.src[start:start + length]
        if self.src.startswith(piece, s) and len(self.src) - s >= length:
            return s + length
        return -1

    # ------------------------------------------------------------ results

    def get_capture(self, i: int, s: int, e: int):
        """Capture i (0-based) as a Lua value; the whole match when there are no captures."""
        if i >= self.level:
            if i == 0:
                return self.src[s:e]
            raise lua_error(f"invalid capture index %{i + 1}")
        start, length = self.capture[i]
        if length == CAP_UNFINISHED:
            raise lua_error("unfinished capture")
        if length == CAP_POSITION:
            return start + 1
        return self.src[start:start + length]

    def captures(self, s: int, e: int, whole_if_none=True) -> list:
        n = self.level if (self.level or not whole_if_none) else 1
        return [self.get_capture(i, s, e) for i in range(n)]


_ITEMS: dict[bytes, tuple | None] = {}
_QUANTIFIERS = (b"", b"*", b"+", b"-", b"?")


def single_item(pat: bytes):
    """When `pat` is one single-character item (a character, '.', a %class or a set), perhaps anchored ('^') and
    followed by one quantifier: (anchored, members, quantifier), where members is a 256-byte table (1 for the bytes
    the item matches) and quantifier one of b"", b"*", b"+", b"-", b"?". None for any other pattern, malformed ones
    included (the matcher reports those)."""
    try:
        return _ITEMS[pat]
    except KeyError:
        pass
    if len(_ITEMS) > 256:
        _ITEMS.clear()
    item = _ITEMS[pat] = _single_item(pat)
    return item


def _single_item(pat: bytes):
    anchored = pat[:1] == b"^"
    p = 1 if anchored else 0
    if p >= len(pat) or pat[p] in b"()" or (pat[p] == 0x24 and p + 1 == len(pat)):  # captures, '$' the anchor
        return None
    if pat[p] == L_ESC and p + 1 < len(pat) and (pat[p + 1] in b"bf" or 0x30 <= pat[p + 1] <= 0x39):
        return None  # %b, %f, back-references
    every_byte = bytes(range(256))
    ms = MatchState(every_byte, pat)
    try:
        end = ms.class_end(p)
    except LuaError:
        return None
    if pat[end:] not in _QUANTIFIERS:
        return None
    members = bytes(int(ms.single_match(c, p, end)) for c in range(256))
    return anchored, members, pat[end:]


def has_specials(pat: bytes) -> bool:
    return any(c in SPECIALS for c in pat)


def find_aux(src: bytes, pat: bytes, init: int, find: bool, plain: bool):
    """string.find (find=True) and string.match: returns a list of results (nil when nothing matches)."""
    ls = len(src)
    if init > ls + 1:
        return [None]
    if find and (plain or not has_specials(pat)):
        pos = src.find(pat, init - 1)
        return [None] if pos < 0 else [pos + 1, pos + len(pat)]
    anchor = len(pat) > 0 and pat[0] == 0x5E
    p = 1 if anchor else 0
    s = init - 1
    ms = MatchState(src, pat)
    while True:
        ms.level = 0
        ms.matchdepth = MAXCCALLS
        e = ms.match(s, p)
        if e != -1:
            if find:
                return [s + 1, e] + ms.captures(s, e, whole_if_none=False)
            return ms.captures(s, e)
        s += 1
        if anchor or s > ls:
            return [None]


def gmatch_iter(src: bytes, pat: bytes, init: int):
    """Python generator of capture lists for string.gmatch ('^' is not an anchor here)."""
    ms = MatchState(src, pat)
    s = init - 1
    last = -1
    ls = len(src)
    while s <= ls:
        ms.level = 0
        ms.matchdepth = MAXCCALLS
        e = ms.match(s, 0)
        if e != -1 and e != last:
            yield ms.captures(s, e)
            s = last = e
            continue
        s += 1


# gsub's replacement kinds: a string (with %0-%9 and %%), a table (indexed by the first capture), a function (called
# with all the captures). For the last two, `repl` is a Python callable that does the indexing or the call.
REPL_STRING = 0
REPL_TABLE = 1
REPL_FUNCTION = 2


def repl_value(v):
    """A table's or function's replacement value as bytes, or None to keep the match (lstrlib's add_value)."""
    if v is None or v is False:
        return None
    tv = type(v)
    if tv is bytes:
        return v
    if tv is int or tv is float:
        return fmt_number(v)
    raise lua_error(f"invalid replacement value (a {type_name(v)})")


def substitute(ms: MatchState, s: int, e: int, kind: int, repl):
    """The replacement of the match s..e, or None to keep it."""
    if kind == REPL_STRING:
        if b"%" not in repl:
            return repl
        piece = bytearray()
        i = 0
        n = len(repl)
        while i < n:
            c = repl[i]
            if c == L_ESC:
                i += 1
                d = repl[i] if i < n else None
                if d == L_ESC:
                    piece.append(L_ESC)
                elif d is not None and 0x30 <= d <= 0x39:
                    if d == 0x30:
                        piece += ms.src[s:e]
                    else:
                        v = ms.get_capture(d - 0x31, s, e)
                        piece += v if type(v) is bytes else fmt_number(v)
                else:
                    raise lua_error("invalid use of '%' in replacement string")
            else:
                piece.append(c)
            i += 1
        return bytes(piece)
    if kind == REPL_TABLE:
        return repl_value(repl(ms.get_capture(0, s, e)))
    return repl_value(repl(*ms.captures(s, e)))


def gsub(src: bytes, pat: bytes, kind: int, repl, max_n: int):
    """string.gsub's loop (lstrlib's str_gsub): returns (result, number of matches)."""
    anchor = len(pat) > 0 and pat[0] == 0x5E
    pi = 1 if anchor else 0
    ms = MatchState(src, pat)
    out = []
    s = 0
    n = 0
    ls = len(src)
    last = -1  # where the last match ended: an empty match there does not count (5.4)
    changed = False
    while n < max_n:
        ms.level = 0
        ms.matchdepth = MAXCCALLS
        e = ms.match(s, pi)
        if e != -1 and e != last:
            n += 1
            piece = substitute(ms, s, e, kind, repl)
            if piece is not None:
                out.append(piece)
                changed = True
            else:
                out.append(src[s:e])
            s = last = e
        elif s < ls:
            out.append(src[s:s + 1])
            s += 1
        else:
            break
        if anchor:
            break
    if not changed:
        return src, n  # the subject itself, as PUC (string.format's %p tells)
    out.append(src[s:])
    return b"".join(out), n
