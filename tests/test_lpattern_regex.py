"""The regex path of Lua patterns (ylua/stdlib/lpattern_re.py) against the backtracking matcher it replaces
(lpattern.py, lstrlib's algorithm in Python): find, match, gmatch and gsub must give the same results, captures,
positions, counts and errors for every pattern and subject."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ylua.errors import LuaError
from ylua.stdlib import lpattern, lpattern_re
from ylua.stdlib.lpattern import REPL_FUNCTION, REPL_STRING, REPL_TABLE
from ylua.table import LuaTable


def outcome(fn, *args):
    try:
        r = fn(*args)
    except LuaError as e:
        return ("error", e.value)
    if isinstance(r, list):
        r = tuple(r)
    return ("ok", r)


def old_find(src, pat, init, plain=False):
    return tuple(lpattern.find_aux(src, pat, init, True, plain))


def old_match(src, pat, init):
    return tuple(lpattern.find_aux(src, pat, init, False, False))


def old_gmatch(src, pat, init):
    return [tuple(c) for c in lpattern.gmatch_iter(src, pat, init)]


def new_gmatch(src, pat, init):
    return list(lpattern_re.gmatch(src, pat, init))


def inits(src):
    n = len(src)
    return sorted({1, 2, max(n, 1), n + 1, n + 2})


def fn_repl(*caps):
    """A function replacement: keeps some matches (nil/false), returns numbers for others."""
    first = caps[0]
    if first == b"" or first == 1:
        return None
    if first == b"b":
        return False
    if type(first) is int:
        return first * 10
    return b"<" + b"|".join(c if type(c) is bytes else b"%d" % c for c in caps) + b">"


TABLE = {b"a": b"A", b"b": 7, b"x": False, b"1": 1.5, 3: b"three"}


def table_repl(key):
    return TABLE.get(key)


def bad_repl(*caps):
    return LuaTable()  # not a string or number: "invalid replacement value (a table)"


REPLS = [
    (REPL_STRING, b"-"), (REPL_STRING, b""), (REPL_STRING, b"%0"), (REPL_STRING, b"[%1]"), (REPL_STRING, b"%2%1"),
    (REPL_STRING, b"%%\\1"), (REPL_STRING, b"x%"), (REPL_STRING, b"%a"), (REPL_STRING, b"%9"),
    (REPL_TABLE, table_repl), (REPL_FUNCTION, fn_repl),
]


def compare(pat, src):
    """Every library function on (pat, src) agrees between the two paths."""
    for init in inits(src):
        assert outcome(lpattern_re.find, src, pat, init, False) == outcome(old_find, src, pat, init), (pat, src, init)
        assert outcome(lpattern_re.match, src, pat, init) == outcome(old_match, src, pat, init), (pat, src, init)
        assert outcome(new_gmatch, src, pat, init) == outcome(old_gmatch, src, pat, init), (pat, src, init)
    for kind, repl in REPLS:
        for max_n in (len(src) + 1, 1, 2, 0, -1):
            got = outcome(lpattern_re.gsub, src, pat, kind, repl, max_n)
            want = outcome(lpattern.gsub, src, pat, kind, repl, max_n)
            assert got == want, (pat, src, repl, max_n)


SUBJECTS = [
    b"", b"a", b"ab", b"aaa", b"abcabc", b"hello world", b"  x = 10, y=-2.5e3 ", b"(a(b)c)", b"a.b%c[d]e^f$g-h",
    b"THE (quick) fox", b"a\0b\0", b"\xff\x80a\x7f\x01", b"x]y-z^", b"aXbXc", b"one two  three", b"1,22,,333,",
    b"\t\n\r \x0b\x0c", b"abba cddc", b"f(a,b)=g[1]", b"key=val;k2=v2",
]

PATTERNS = [
    # literals, classes, sets
    b"", b"a", b"ab", b"x", b".", b"..", b"%a", b"%A", b"%c", b"%C", b"%d", b"%D", b"%g", b"%G", b"%l", b"%L",
    b"%p", b"%P", b"%s", b"%S", b"%u", b"%U", b"%w", b"%W", b"%x", b"%X", b"%z", b"%Z", b"%.", b"%%", b"%]",
    b"%q", b"%Q", b"[ab]", b"[^ab]", b"[a-c]", b"[^a-c]", b"[%a_]", b"[%d%.]", b"[]]", b"[^]]", b"[]a]", b"[^]a]",
    b"[a-]", b"[-a]", b"[a%-z]", b"[%a-z]", b"[z-a]", b"[^]", b"[^^]", b"[a^]", b"[%]]", b"[%%]", b"[\0-\x7f]",
    b"[\x80-\xff]", b"\xff", b"\0", b"[%z]", b"[^%z]", b"[%W%d]", b"[.]", b"[%s,]", b"[-]", b"[--]", b"[---]",
    # quantifiers
    b"a*", b"a+", b"a-", b"a?", b"%a*", b"%a+", b"%a-", b"%a?", b".*", b".-", b".+", b".?", b"[ab]*", b"[^,]*",
    b"a*b", b"a-b", b"a?b", b"a+b", b"%s*", b"%s+$", b"^%s*", b"^%s*(.-)%s*$", b"*", b"+a", b"-", b"?", b"a**",
    b"a*-", b"x?y?z?", b".-b", b"a.-c", b"%d+%.?%d*", b"^-?%d+%.?%d*[eE]?[-+]?%d*", b"[%c\"\\]",
    # anchors
    b"^", b"$", b"^$", b"^a", b"a$", b"^a$", b"^.", b"^a*", b"a^", b"^^", b"$a", b"a$b", b"%$", b"^%$", b"($)",
    b"(a$)", b"a$$", b"^$$",
    # captures
    b"(a)", b"(a*)", b"(a)(b)", b"((a)(b))", b"()", b"()a()", b"(a*)()", b"()(a)()", b"(%w+)=(%w+)",
    b"(h)(e)(l)(l)(o)", b"((((a))))", b"(.)(.)", b"(()a)", b"(%a+)%s*(%d*)", b"(.-)b", b"([^,]*)", b"(x?)",
    # back-references
    b"(a)%1", b"(.)%1", b"(%a)%1*", b"(%a+)%s+%1", b"(a*)%1", b"()%1", b"(.)(.)%2%1", b"((.)%2)", b"(.)-%1",
    # frontiers
    b"%f[%w]", b"%f[%W]", b"%f[%w]%w+", b"%f[%a]%a+%f[%A]", b"%f[%z]", b"%f[^%z]", b"%f[%z%a]", b"%f[\0]",
    b"%f[^\0]", b"%f[a]", b"%f[^a]", b"%f[]]", b"%f[^]", b"%f[%s]", b"%f[%S]", b"%f[%l]%u",
    # patterns the regex path does not take
    b"%bxy", b"%b()", b"(%b())", b"%f", b"%fa", b"%", b"a%", b"[a", b"[", b"[^", b"[]", b"[%", b"[a%]", b"(",
    b"(a", b"a)", b")", b"%1", b"(%1)", b"(a)%2", b"%0", b"(a)%0", b"%b", b"%ba", b"(()", b"())",
    b"()" * 33, b"(a)" * 32, b"(a?)" * 60, b"a?" * 200, b"(" * 10 + b")" * 10,
]


def test_translated_patterns_take_the_regex_path():
    for pat in [b"a", b"%a+", b"[^]a]", b"^%s*(.-)%s*$", b"(a)%1", b"()%1", b"%f[%z]", b"%f[%w]", b"(a)" * 32,
                b"(a?)" * 30, b"a$b", b"[z-a]"]:
        assert lpattern_re.compiled(pat) is not None, pat
    for pat in [b"%b()", b"%", b"[a", b"(a", b")", b"%1", b"(%1)", b"%0", b"()" * 33, b"a?" * 200, b"%fa"]:
        assert lpattern_re.compiled(pat) is None, pat


@pytest.mark.parametrize("pat", PATTERNS)
def test_pattern_on_every_subject(pat):
    for src in SUBJECTS:
        compare(pat, src)


def test_plain_find():
    for pat, src in itertools.product([b"", b"a", b".", b"%a", b"(", b"[", b"a.b", b"^a"], SUBJECTS):
        for init in inits(src):
            assert lpattern_re.find(src, pat, init, True) == old_find(src, pat, init, True)


def test_errors_are_the_old_matchers():
    assert outcome(lpattern_re.find, b"abc", b"%", 1, False) == ("error", b"malformed pattern (ends with '%')")
    assert outcome(lpattern_re.find, b"abc", b"[a", 1, False) == ("error", b"malformed pattern (missing ']')")
    assert outcome(lpattern_re.match, b"abc", b"(a)%2", 1) == ("error", b"invalid capture index %2")
    assert outcome(lpattern_re.match, b"abc", b"a)", 1) == ("error", b"invalid pattern capture")
    assert outcome(lpattern_re.match, b"abc", b"(a", 1) == ("error", b"unfinished capture")
    assert outcome(lpattern_re.match, b"xyz", b"(a", 1) == ("ok", (None,))  # never reached: no error
    assert outcome(lpattern_re.match, b"a" * 300, b"a?" * 200, 1) == ("error", b"pattern too complex")
    assert outcome(lpattern_re.gsub, b"abc", b"b", REPL_STRING, b"%2", 5) == ("error", b"invalid capture index %2")
    assert outcome(lpattern_re.gsub, b"abc", b"x", REPL_STRING, b"%2", 5) == ("ok", (b"abc", 0))
    assert outcome(lpattern_re.gsub, b"abc", b"b", REPL_STRING, b"%", 5) == (
        "error", b"invalid use of '%' in replacement string")
    assert outcome(lpattern_re.gsub, b"abc", b"b", REPL_FUNCTION, bad_repl, 5) == (
        "error", b"invalid replacement value (a table)")


def test_gsub_returns_the_subject_when_nothing_changes():
    src = b"hello world"
    assert lpattern_re.gsub(src, b"o", REPL_FUNCTION, lambda *c: None, 10)[0] is src
    assert lpattern_re.gsub(src, b"z", REPL_STRING, b"x", 10)[0] is src
    assert lpattern_re.gsub(src, b"", REPL_TABLE, table_repl, 10)[0] is src


def test_empty_matches_follow_lstrlib():
    assert lpattern_re.gsub(b"abxd", b"x*", REPL_STRING, b"-", 100) == (b"-a-b-d-", 4)
    assert new_gmatch(b"aab", b"a*", 1) == [(b"aa",), (b"",)]
    assert lpattern_re.gsub(b"abc", b"%f[%w]", REPL_STRING, b"^", 100) == (b"^abc", 1)
    assert lpattern_re.gsub(b"hello world", b"()", REPL_STRING, b"%1", 100)[1] == 12


# ------------------------------------------------------------------ random patterns

ITEMS = [b"a", b"b", b"x", b".", b"%a", b"%d", b"%s", b"%w", b"%p", b"%z", b"%A", b"[ab]", b"[^a]", b"[a-c]",
         b"[]a]", b"[^]]", b"[a-]", b"[-b]", b"[%d_]", b"%.", b"%%", b"\0", b"\xff", b"[\x80-\xff]", b"^", b"$", b"-",
         b"*", b"]", b"("]
QUANTS = [b"", b"", b"*", b"+", b"-", b"?"]
STRUCT = [b"(", b")", b"()", b"%1", b"%2", b"%f[%w]", b"%f[%z]", b"%f[^a]", b"%f[\0a]", b"%b()", b"^", b"$"]

piece = st.one_of(
    st.tuples(st.sampled_from(ITEMS), st.sampled_from(QUANTS)).map(b"".join),
    st.sampled_from(STRUCT),
)
patterns = st.lists(piece, max_size=7).map(b"".join)
subjects = st.lists(st.sampled_from([b"a", b"b", b"x", b" ", b"1", b".", b"(", b")", b"]", b"\0", b"\xff", b"_",
                                     b"-", b"A"]), max_size=12).map(b"".join)
raw_patterns = st.lists(st.sampled_from(list(b"ab.%()[]^$*+-?1fz")), max_size=8).map(bytes)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(patterns, subjects)
def test_random_patterns(pat, src):
    compare(pat, src)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw_patterns, subjects)
def test_random_pattern_bytes(pat, src):
    compare(pat, src)
