"""string.gsub(s, p, t) for a pattern that is one single-byte item (`%a`, `[acgt]`, `.`, `x`) and a table with no
metatable: each match is one byte, and its replacement depends on that byte only, so the table is read once per
distinct byte and the string is rewritten through a byte map (bytes.translate when every replacement is one byte)
instead of a callback per match (revcomp's `seq:gsub("%a", complements)`: 6 million callbacks).

Anything else (a limit that stops early, a replacement value that is an error) is left to the general gsub, which
reports it as Lua does.
"""

from __future__ import annotations

from ylua.numconv import fmt_number
from ylua.stdlib import lpattern_re

_SPECIALS = b"^$*+?.([%-])"
_classes: dict[bytes, bytes | None] = {}  # pattern -> the bytes it matches, or None when not a one-byte item
_UNSEEN = object()


def one_byte_item(pat: bytes) -> bytes | None:
    """The bytes matched by `pat` when it is a single one-byte item with no quantifier, else None."""
    members = _classes.get(pat, _UNSEEN)
    if members is not _UNSEEN:
        return members
    members = None
    if _single_item(pat):
        cp = lpattern_re.compiled(pat)
        if cp is not lpattern_re.FALLBACK and not cp.ncap and not cp.anchor:
            members = bytes(b for b in range(256) if cp.regex.fullmatch(bytes((b,))))
    _classes[pat] = members
    return members


def _single_item(pat: bytes) -> bool:
    n = len(pat)
    if n == 1:
        return pat == b"." or pat not in _SPECIALS
    if n == 2:
        return pat[0] == 0x25  # %x: a class or an escaped byte
    if n < 3 or pat[0] != 0x5B:  # [set]: its closing bracket (found as Lua's classEnd does) ends the pattern
        return False
    i = 2 if pat[1] == 0x5E else 1
    while True:
        if i >= n:
            return False
        c = pat[i]
        i += 1
        if c == 0x25:
            i += 1
        if i < n and pat[i] == 0x5D:
            return i == n - 1


def gsub_table(src: bytes, pat: bytes, get, max_n: int):
    """(result, matches) of src:gsub(pat, t) where `get` reads t's entries raw; None when the general gsub must do
    it."""
    members = one_byte_item(pat)
    if members is None:
        return None
    n = len(src) - len(src.translate(None, members))
    if n > max_n:
        return None
    if n == 0:
        return src, 0
    table = [bytes((b,)) for b in range(256)]
    single = True
    for b in set(src).intersection(members):
        v = get(table[b])
        if v is None or v is False:
            continue
        tv = type(v)
        if tv is int or tv is float:
            v = fmt_number(v)
        elif tv is not bytes:
            return None  # an invalid replacement value: the general gsub raises its error
        table[b] = v
        single = single and len(v) == 1
    if single:
        return src.translate(b"".join(table)), n
    return b"".join(map(table.__getitem__, src)), n
