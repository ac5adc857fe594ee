"""Lua patterns run by Python's `re` (C speed), with lstrlib's exact semantics; lpattern.py's backtracking matcher
remains the reference and takes whatever is not translated here.

A Lua pattern has no alternation and quantifies single characters only, so a backtracking regex engine that tries
the same choices in the same order finds the same match at each position: greedy `*` `+` `?`, lazy `-` (`*?`),
captures as groups (all of them take part in every match), back-references as `(?:\\N)`. Each single item (a
character, `.`, a class, a set) becomes the explicit set of the bytes it matches, computed with lpattern's own
class_end/match_bracket/match_class, so classes and sets mean exactly what they mean there (the C locale). `%f[set]`
is a lookbehind/lookahead pair that treats the byte before the subject and after it as '\\0', as lstrlib does. `^`
anchors only at the pattern's start (find, match, gsub: the regex is run with .match there), `$` only at its end
(`\\Z`).

A pattern is translated only when lpattern's matcher would never raise an error on it, whatever the subject:
`%b`, malformed items, unbalanced captures, back-references to captures not closed before them, more than 32
captures, or enough nesting to reach "pattern too complex" all go to the old matcher (cached as such), which raises
its errors exactly where lstrlib does (only when the match reaches them).

The loops of gsub and gmatch are lstrlib's: a match is looked for position by position (regex.search from a
position finds the leftmost one, which is what that loop finds), and an empty match ending where the previous match
ended is rejected (the loop then goes on from the next position)."""

from __future__ import annotations

import re

from ylua.errors import LuaError, lua_error
from ylua.numconv import fmt_number
from ylua.stdlib import lpattern
from ylua.stdlib.lpattern import REPL_STRING, REPL_TABLE, repl_value

_SPECIALS = re.compile(rb"[\^$*+?.(\[%-]")
MAX_DEPTH = 150  # recursive items (captures, quantifiers) of a pattern lpattern's MAXCCALLS (200) can never reach
CACHE_SIZE = 512
FALLBACK = None  # what the caches hold for a pattern the old matcher handles


class Pat:
    """A translated pattern. `go` runs the regex at a position (search, or match when anchored); `caps(m)` is the
    tuple of Lua captures of a match (the whole match when the pattern has none)."""

    __slots__ = ("regex", "go", "anchor", "ncap", "caps", "poscaps", "plain", "nonempty")

    def __init__(self, regex, anchor: bool, ncap: int, poscaps: tuple, plain: bool, nonempty: bool):
        self.regex = regex
        self.anchor = anchor
        self.go = regex.match if anchor else regex.search
        self.ncap = ncap
        self.poscaps = poscaps
        self.plain = plain  # no special characters: string.find may use bytes.find
        self.nonempty = nonempty  # every match has at least one byte
        if ncap == 0:
            self.caps = _whole
        elif not poscaps:
            self.caps = re.Match.groups
        else:
            self.caps = _caps_with_positions(ncap, frozenset(poscaps))


def _whole(m):
    return (m.group(),)


def _caps_with_positions(ncap: int, pos: frozenset):
    idx = tuple(range(1, ncap + 1))

    def caps(m):
        return tuple(m.start(i) + 1 if i in pos else m.group(i) for i in idx)

    return caps


# ------------------------------------------------------------------ translation


def _byte(c: int) -> bytes:
    if 0x30 <= c <= 0x39 or 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A:
        return bytes((c,))
    return b"\\x%02x" % c


def _charset(members: list[int]) -> bytes:
    """A regex matching one byte of `members` (sorted, distinct)."""
    if len(members) == 1:
        return _byte(members[0])
    if not members:
        return b"[^\\x00-\\xff]"
    parts = []
    i = 0
    n = len(members)
    while i < n:
        j = i
        while j + 1 < n and members[j + 1] == members[j] + 1:
            j += 1
        parts.append(_byte(members[i]) if i == j else _byte(members[i]) + b"-" + _byte(members[j]))
        i = j + 1
    return b"[" + b"".join(parts) + b"]"


_ALL = range(256)


def translate(pat: bytes, start: int = 0):
    """(regex source, number of captures, indices (1-based) of the position captures, whether every match is
    non-empty) for pat[start:], or None when the old matcher must run it."""
    ms = lpattern.MatchState(b"", pat)
    n = len(pat)
    out = []
    caps = []  # per capture: "open", "closed" or "position"
    stack = []
    depth = 0
    nonempty = False
    p = start
    try:
        while p < n:
            c = pat[p]
            if c == 0x28:  # '('
                depth += 1
                if p + 1 < n and pat[p + 1] == 0x29:
                    caps.append("position")
                    out.append(b"()")
                    p += 2
                else:
                    stack.append(len(caps))
                    caps.append("open")
                    out.append(b"(")
                    p += 1
                if len(caps) > lpattern.MAXCAPTURES:
                    return None
                continue
            if c == 0x29:  # ')'
                if not stack:
                    return None
                caps[stack.pop()] = "closed"
                depth += 1
                out.append(b")")
                p += 1
                continue
            if c == 0x24 and p + 1 == n:  # '$' at the end
                out.append(b"\\Z")
                p += 1
                continue
            if c == lpattern.L_ESC and p + 1 < n:
                d = pat[p + 1]
                if d == 0x62:  # %b
                    return None
                if d == 0x66:  # %f[set]
                    p += 2
                    if p >= n or pat[p] != 0x5B:
                        return None
                    ep = ms.class_end(p)
                    inset = [ms.match_bracket(x, p, ep - 1) for x in _ALL]
                    members = [x for x in _ALL if inset[x]]
                    others = [x for x in _ALL if not inset[x]]
                    if inset[0]:  # '\0' (what lstrlib sees before and after the subject) is in the set
                        out.append(b"(?<=" + _charset(others) + b")(?!" + _charset(others) + b")")
                    else:
                        out.append(b"(?<!" + _charset(members) + b")(?=" + _charset(members) + b")")
                    p = ep
                    continue
                if 0x30 <= d <= 0x39:  # back-reference
                    k = d - 0x31
                    if k < 0 or k >= len(caps) or caps[k] == "open":
                        return None
                    # lstrlib never matches a back-reference to a position capture
                    out.append(b"(?!)" if caps[k] == "position" else b"(?:\\%d)" % (k + 1))
                    p += 2
                    continue
            ep = ms.class_end(p)
            if c == 0x2E:  # '.'
                item = b"[\\x00-\\xff]"
            elif c == lpattern.L_ESC:
                cl = pat[p + 1]
                item = _charset([x for x in _ALL if lpattern.match_class(x, cl)])
            elif c == 0x5B:
                item = _charset([x for x in _ALL if ms.match_bracket(x, p, ep - 1)])
            else:
                item = _byte(c)
            q = pat[ep] if ep < n else None
            if q == 0x2A:  # '*'
                out.append(item + b"*")
            elif q == 0x2B:  # '+'
                out.append(item + b"+")
                nonempty = True
            elif q == 0x2D:  # '-'
                out.append(item + b"*?")
            elif q == 0x3F:  # '?'
                out.append(item + b"?")
            else:
                out.append(item)
                nonempty = True
                p = ep
                continue
            depth += 1
            p = ep + 1
    except LuaError:  # a malformed item: the old matcher raises it when it gets there
        return None
    if stack or depth > MAX_DEPTH:
        return None
    poscaps = tuple(i + 1 for i, k in enumerate(caps) if k == "position")
    return b"".join(out), len(caps), poscaps, nonempty


def _compile(pat: bytes, gmatch: bool):
    anchor = not gmatch and len(pat) > 0 and pat[0] == 0x5E
    t = translate(pat, 1 if anchor else 0)
    if t is None:
        return FALLBACK
    src, ncap, poscaps, nonempty = t
    try:
        regex = re.compile(src, re.DOTALL)
    except (re.error, RecursionError, OverflowError):
        return FALLBACK
    return Pat(regex, anchor, ncap, poscaps, _SPECIALS.search(pat) is None, nonempty)


_cache: dict[bytes, Pat | None] = {}
_gcache: dict[bytes, Pat | None] = {}


def compiled(pat: bytes) -> Pat | None:
    """The translation of a pattern for find, match and gsub (a leading '^' anchors), or None (FALLBACK)."""
    return _cached(_cache, pat, False)


def compiled_gmatch(pat: bytes) -> Pat | None:
    """The translation for gmatch, where '^' is an ordinary character."""
    return _cached(_gcache, pat, True)


def _cached(cache: dict, pat: bytes, for_gmatch: bool) -> Pat | None:
    try:
        return cache[pat]
    except KeyError:
        pass
    if len(cache) >= CACHE_SIZE:
        cache.clear()
    r = cache[pat] = _compile(pat, for_gmatch)
    return r


# ------------------------------------------------------------------ the library functions


def find(src: bytes, pat: bytes, init: int, plain: bool) -> tuple:
    """string.find from 1-based `init` (already made positive): its results as a tuple."""
    if init > len(src) + 1:
        return (None,)
    if plain:
        pos = src.find(pat, init - 1)
        return (None,) if pos < 0 else (pos + 1, pos + len(pat))
    cp = _cache.get(pat) or compiled(pat)
    if cp is FALLBACK:
        return tuple(lpattern.find_aux(src, pat, init, True, False))
    if cp.plain:
        pos = src.find(pat, init - 1)
        return (None,) if pos < 0 else (pos + 1, pos + len(pat))
    m = cp.go(src, init - 1)
    if m is None:
        return (None,)
    if cp.ncap:
        return (m.start() + 1, m.end()) + cp.caps(m)
    return (m.start() + 1, m.end())


def find_all(src: bytes, pat: bytes, init: int) -> tuple:
    """string.find's results (no `plain`)."""
    return find(src, pat, init, False)


def find_first(src: bytes, pat: bytes, init: int):
    """The first result of string.find (no `plain`): where the match starts, or None."""
    return find(src, pat, init, False)[0]


def match_first(src: bytes, pat: bytes, init: int):
    """The first result of string.match: the first capture (or the whole match), or None."""
    return match(src, pat, init)[0]


def match(src: bytes, pat: bytes, init: int) -> tuple:
    """string.match from 1-based `init` (already made positive)."""
    if init > len(src) + 1:
        return (None,)
    cp = _cache.get(pat) or compiled(pat)
    if cp is FALLBACK:
        return tuple(lpattern.find_aux(src, pat, init, False, False))
    m = cp.go(src, init - 1)
    if m is None:
        return (None,)
    return cp.caps(m)


def gmatch(src: bytes, pat: bytes, init: int):
    """A Python iterator of the capture tuples string.gmatch's iterator returns, from 1-based `init` (past the end:
    len(src) + 2)."""
    cp = _gcache.get(pat) or compiled_gmatch(pat)
    if cp is FALLBACK:
        return map(tuple, lpattern.gmatch_iter(src, pat, init))
    return _gmatch(src, cp, init - 1)


def _gmatch(src: bytes, cp: Pat, s: int):
    search = cp.regex.search
    caps = cp.caps
    ls = len(src)
    last = -1
    while s <= ls:
        m = search(src, s)
        if m is None:
            return
        b, e = m.span()
        if e == last:  # an empty match where the last one ended (so b == s): go on from the next position
            s = b + 1
            continue
        yield caps(m)
        s = last = e


def _template(repl: bytes, cp: Pat):
    """A replacement string parsed for the matches of cp: (pieces, error). A piece is bytes or a capture number
    (0: the whole match; as lstrlib, %1 is the whole match when there are no captures). `error` is the message of
    the first invalid escape (raised at the first match, as lstrlib does), or None."""
    pieces = []
    i = 0
    n = len(repl)
    while True:
        j = repl.find(b"%", i)
        if j < 0:
            if i < n:
                pieces.append(repl[i:])
            return pieces, None
        if j > i:
            pieces.append(repl[i:j])
        d = repl[j + 1] if j + 1 < n else None
        if d == 0x25:
            pieces.append(b"%")
        elif d is not None and 0x30 <= d <= 0x39:
            k = d - 0x30
            if k > cp.ncap and k != 1:
                return pieces, f"invalid capture index %{k}"
            pieces.append(k if cp.ncap else 0)
        else:
            return pieces, "invalid use of '%' in replacement string"
        i = j + 2


def _python_template(pieces: list, cp: Pat):
    """The same replacement for regex.subn, or None when it has a position capture."""
    out = []
    for p in pieces:
        if type(p) is int:
            if p in cp.poscaps:
                return None
            out.append(b"\\g<%d>" % p)
        else:
            out.append(p.replace(b"\\", b"\\\\"))
    return b"".join(out)


def finds_nothing(src: bytes, pat: bytes) -> bool:
    """Whether unanchored pattern `pat` (one that translates) matches nowhere in `src`: the commonest case of gsub
    (escaping, trimming), which then returns `src` and 0 whatever the replacement."""
    cp = _cache.get(pat) or compiled(pat)
    return cp is not FALLBACK and not cp.anchor and cp.regex.search(src) is None


def gsub(src: bytes, pat: bytes, kind: int, repl, max_n: int):
    """string.gsub: (result, number of matches). `kind` and `repl` as lpattern.gsub takes them."""
    cp = _cache.get(pat) or compiled(pat)
    if cp is FALLBACK:
        return lpattern.gsub(src, pat, kind, repl, max_n)
    if max_n <= 0:
        return src, 0
    if not cp.anchor and cp.regex.search(src) is None:  # no match at all (the common case of many gsubs)
        return src, 0
    if kind == REPL_STRING:
        if b"%" in repl:
            pieces, err = _template(repl, cp)
            if err is None and cp.nonempty and not cp.anchor:
                t = _python_template(pieces, cp)
                if t is not None:
                    res, n = cp.regex.subn(t, src, max_n)
                    return (res, n) if n else (src, 0)
            return _gsub_loop(src, cp, _template_fn(pieces, err, cp), max_n)
        if cp.nonempty and not cp.anchor:
            res, n = cp.regex.subn(repl.replace(b"\\", b"\\\\") if b"\\" in repl else repl, src, max_n)
            return (res, n) if n else (src, 0)
        return _gsub_loop(src, cp, lambda m: repl, max_n)
    caps = cp.caps
    if kind == REPL_TABLE:
        if cp.ncap:
            first = (lambda m: m.start(1) + 1) if 1 in cp.poscaps else (lambda m: m.group(1))
        else:
            first = re.Match.group

        def value(m):
            return repl_value(repl(first(m)))
    else:

        def value(m):
            return repl_value(repl(*caps(m)))

    if cp.nonempty and not cp.anchor:
        changed = False

        if kind == REPL_TABLE:

            def sub(m):  # value(m) with a string answer handled inline
                nonlocal changed
                v = repl(first(m))
                if type(v) is not bytes:
                    v = repl_value(v)
                    if v is None:
                        return m.group()
                changed = True
                return v
        else:

            def sub(m):
                nonlocal changed
                v = value(m)
                if v is None:
                    return m.group()
                changed = True
                return v

        res, n = cp.regex.subn(sub, src, max_n)
        return (res, n) if changed else (src, n)
    return _gsub_loop(src, cp, value, max_n)


def _template_fn(pieces: list, err, cp: Pat):
    if err is not None:

        def fail(m):
            raise lua_error(err)

        return fail
    pos = cp.poscaps

    def expand(m):
        out = []
        for p in pieces:
            if type(p) is int:
                if p in pos:
                    out.append(fmt_number(m.start(p) + 1))
                else:
                    out.append(m.group(p))
            else:
                out.append(p)
        return b"".join(out)

    return expand


def _gsub_loop(src: bytes, cp: Pat, value, max_n: int):
    """lstrlib's str_gsub loop; value(m) is the replacement of a match, or None to keep it."""
    if cp.anchor:
        m = cp.regex.match(src, 0)
        if m is None:
            return src, 0
        v = value(m)
        return (src, 1) if v is None else (v + src[m.end():], 1)
    search = cp.regex.search
    out = []
    s = 0
    n = 0
    ls = len(src)
    last = -1
    changed = False
    while n < max_n:
        m = search(src, s)
        if m is None:
            break
        b, e = m.span()
        if e == last:  # an empty match where the last one ended (b == s): copy a byte and go on
            if b >= ls:
                break
            out.append(src[b:b + 1])
            s = b + 1
            continue
        if b > s:
            out.append(src[s:b])
        n += 1
        v = value(m)
        if v is None:
            out.append(src[b:e])
        else:
            out.append(v)
            changed = True
        s = last = e
    if not changed:
        return src, n
    out.append(src[s:])
    return b"".join(out), n
