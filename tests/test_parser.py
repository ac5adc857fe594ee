"""The parser (ylua/parser.py): the same trees as the Lark reference (ylua/parser_lark.py) on every Lua file we have,
PUC's error messages (checked against lua5.4 itself), and chains and nesting at any depth."""

import dataclasses
import os
import subprocess
import sys

import pytest
from support import LUA54, ROOT

from ylua import ast, lexer
from ylua.compiler import compile_chunk
from ylua.errors import LuaSyntaxError
from ylua.parser import parse
from ylua.parser_lark import parse as parse_lark


def lua_files():
    out = []
    for top in ("lua_tests", "bench", "tests"):
        for root, dirs, files in os.walk(os.path.join(ROOT, top)):
            dirs.sort()
            out += [os.path.relpath(os.path.join(root, f), ROOT) for f in sorted(files) if f.endswith(".lua")]
    return out


def differences(x, y, path="chunk"):
    """Where two trees differ (node types, fields, and which declared locals are captured or assigned), or None."""
    todo = [(x, y, path)]
    while todo:
        x, y, path = todo.pop()
        if type(x) is not type(y):
            return f"{path}: {type(x).__name__} vs {type(y).__name__}"
        if isinstance(x, list):
            if len(x) != len(y):
                return f"{path}: {len(x)} vs {len(y)} items"
            todo += [(a, b, f"{path}[{i}]") for i, (a, b) in enumerate(zip(x, y))]
        elif isinstance(x, ast.Node):
            for f in dataclasses.fields(x):
                a, b = getattr(x, f.name), getattr(y, f.name)
                if f.name == "_decls":
                    a, b = [(d.captured, d.assigned) for d in a or ()], [(d.captured, d.assigned) for d in b or ()]
                todo.append((a, b, f"{path}.{f.name}"))
        elif x != y and not (x != x and y != y):  # nan == nan here
            return f"{path}: {x!r} vs {y!r}"
    return None


@pytest.mark.parametrize("rel", lua_files())
def test_the_same_tree_as_the_reference_parser(rel):
    with open(os.path.join(ROOT, rel), "rb") as fh:
        source = fh.read()
    assert differences(parse(source, rel), parse_lark(source, rel)) is None


def all_tokens(tokens):
    out = []
    try:
        while not out or out[-1][0] != lexer.EOF:
            out.append(next(tokens))
    except LuaSyntaxError as e:
        out.append(("error", e.msg))
    return out


TRICKY = [
    "x = [[\n" + "long\n" * 20 + "]] y = --[==[\n" + "comment\n" * 20 + "]==] 1",
    "x = [======[ deeper than the fast reading's levels\n\n]======] y = 2",
    "x = 'a\\\nb\\z\n\n   c' .. \"d\\\n\" z = 1",
    "x = 1\n" * 10 + "y = 0x1pz\n" + "z = 2\n" * 10,
    "x = 1\n" * 10 + "y = 'unfinished\n" + "z = 2\n" * 10,
    "x = 1\n" * 10 + "y = [==[ unfinished\n" + "z = 2\n" * 10,
    "x = 1\n" * 10 + "--[[ unfinished\n" + "z = 2\n" * 10,
    "x = 1\n" * 10 + "y = [==x\n" + "z = 2\n" * 10,
]


def tokens_by_segments_of(segment, text, monkeypatch):
    monkeypatch.setattr(lexer, "SEGMENT", segment)
    return all_tokens(lexer.Lexer(text, "t").tokens())


@pytest.mark.parametrize("segment", [1, 5, 64])
def test_tokens_are_the_same_whatever_the_segments(segment, monkeypatch):
    """Segments read with findall, and a token that goes on past its segment read again whole, give the tokens
    (and the errors, at the same token) that reading the whole text as one segment does."""
    texts = TRICKY + [open(os.path.join(ROOT, rel), encoding="latin-1").read() for rel in lua_files()[::5]]
    for text in texts:
        text = lexer.normalise_newlines(text)
        assert tokens_by_segments_of(segment, text, monkeypatch) == tokens_by_segments_of(10**9, text, monkeypatch)


# ---------------------------------------------------------------- error messages, as lua5.4 gives them

BAD = [
    # lexical
    "x = 'abc", "x = 'abc\ndef'", "x = '\\q'", "x = '\\65\\q'", "x = 'a\\0b\\q'", "x = '\\xZZ'", "x = '\\x5Z'",
    "x = '\\x", "x = '\\300'", "x = '\\256a'", "x = '\\999'", "x = '\\u{110000000}'", "x = '\\u{80000000}'",
    "x = '\\u{zz}'", "x = '\\u11'", "x = '\\u{11'", "x = '\\u{11 ", "x = 'a\\", "x = [[abc", "x = [==[ abc ]=]",
    "--[[ unfinished", "x = 1\n--[==[\n\n", "x = [==x", "x = [=", "a[=1] = 2", "x = 3..4", "x = 0x", "x = 1e",
    "x = 12abc", "x = 0x1p", "x = 0xe+", "x = .5.5", "x = 1.2.3", "x = 08x", "x = 1e+", "x = 0x.p1", "x = 1 @",
    "x = 1 \1", "x = $", "x = \x80", "x = \"a\\0b\" y", "x = 'a\\z\n\n  b' y", "x = [[\na\nb]] y",
    "x = 'a\\\nb' y", "x = [==[\nlong\n]==] y", "x = 'alo \\z  \n\n", "x = 1\ry = = 2", "x = 1\r\ny = = 2",
    "x = 1\n\ry = = 2", "x = 1\n\r\ny = = 2", "x = 1\r\r\ny = = 2",
    # grammar
    "x = = 1", "x = }", "if x then y = 1", "if x then\n  y = 1\n\nz = 2", "while true do\n  local a = 1\n",
    "function f()\n  if a then\n    return 1\n  end\n", "repeat x = 1", "local t = {1, 2", "for i = 1 do end",
    "local function() end", "a.b:c = 1", "local a, b = 1 2", "x = 1 +", "f(", "f(\n1,\n2\n", "x = (1\n\n",
    "function f(a, 1) end", "function f() return return end", "f() = 1", "a, f() = 1", "f(), a = 1", "(a) = 1",
    "x =", "return 1 x", "local function f() end end", "if x then else elseif y then end", "for a.b = 1, 2 do end",
    "for i, j = 1, 2 do end", "for i in do end", "for i", "function f(..., a) end", "function f(a,) end",
    "function (a) end", "function a.b:c.d() end", "local a <const> b", "local a <const = 1", "local a <foo> = 1",
    "local a <close>, b <close> = 1, 2", "x = {[1] 2}", "x = {a = }", "x = {,}", "x = a:b", "x = a:b.c",
    "x = a.1", "x = not", "x = 1 + + 2", "x = (1 2)", "f(1 2)", "while x", "repeat", "if x", "do", "function f(",
    "x = function()", "a.b.c", "a", "1", "x.y = 1 2", "x = y z", "local", "local 1", "return ...\n;;",
    "x = ... + 1\nfunction g() return ... end", "x = {...}\nlocal function g() return {...} end", "::a",
    "::1::", "goto 1", "goto", "break = 1", "x = 'a' 'b'", "f{} = 1", "x = #", "local t <const> = {}; t = 1",
    # locals, constants, labels, gotos, breaks
    "local c <const> = 1; c = 2", "local x <const> = 5; local function g() x = 1 end",
    "local x <const> = 1\nfunction x()\nend\n\n", "local x <close> = nil; local function f() x = 1 end",
    "local x <const> = 1\n x,\n y = 2, 3", "break", "if x then break end", "x = 1\nbreak\n\n\nx = 1",
    "while 1 do end\n break\n\n\nx = 1", "function f()\n break\nend\n\n-- x\nx = 1", "goto nowhere",
    "goto a\n\n\nx = 1", "do goto a end\n\n\nx = 1", "for i = 1, 2 do end goto x", "::a:: ::a::",
    "::a::\n do ::a:: end", "::l1:: ;; ::l2:: ::l1::", "goto l1; do ::l1:: end", "do ::l1:: end goto l1",
    "goto l1; local aa ::l1:: ::l2:: print(3)", "do local bb, cc; goto l1; end\nlocal aa\n::l1:: print(3)",
    "repeat\n  if x then goto cont end\n  local xuxu = 10\n  ::cont::\nuntil xuxu < x",
    "do local v = 1 goto skip local w = 2 ::skip:: print(w) end", "local function f()\n goto x\nend\n::x::",
    "function f() x = ... end", "local function f(a) return ... end",
    "local x <const> = 1\nlocal function f()\n  local function g() x = 2 end\nend",
] + TRICKY[3:]
GOOD = [
    "x = 0xe+9 y = 0xep9 z = 0xE+1", "do goto l1 end ::l1::", "x = ...", "local c <const> = 1; return c",
    "do goto l; local x; ::l:: end", "while x do goto continue; local y; ::continue:: end",
    "::a:: goto a", "local x <close> = nil", "return;", "return 1;", "f{}{}'x'[[y]]:m()", "a.b.c = 1",
    "local a = {f = function() end, [1] = 2; 3, 'x'}", "x = 1 .. 2", "x = - - - 1", "x = not not nil",
    "x = 2^-3^2", "x = '\\u{7FFFFFFF}\\z   \n  \\x41\\65\\066\\n\\\n'", "::a::" + ";" * 300,
]
TOO_DEEP = [  # lua5.4: "C stack overflow", at these depths (load()ed from a main chunk, one C level less)
    "x = " + "(" * 300 + "1" + ")" * 300, "do " * 300 + "end " * 300, "x = " + "- " * 300 + "1",
    "return " + " .. ".join(["'a'"] * 300), "x = " + "2 ^ " * 300 + "2", "x = " + "{" * 300 + "}" * 300,
    "local a = " + "function() return " * 150 + "1" + " end" * 150, ",".join(f"a{i}" for i in range(300)) + " = 1",
    "".join(f"::a{i}::" for i in range(300)),  # a label reads the void statements after it first
]


def lua54_messages(snippets):
    """What lua5.4's load() says about each snippet, one process for all."""
    def lua_string(s):
        return '"' + "".join(f"\\{b}" for b in s.encode("latin-1")) + '"'
    script = "local t = {" + ",".join(lua_string(s) for s in snippets) + "}\n" \
             "for _, s in ipairs(t) do local f, e = load(s, '=t') io.write(f and 'ok' or e, '\\0') end"
    out = subprocess.run([LUA54, "-"], input=script.encode("latin-1"), capture_output=True, timeout=60, check=True)
    return out.stdout.decode("latin-1").split("\0")[:-1]


def ylua_message(snippet):
    try:
        compile_chunk(parse(snippet.encode("latin-1"), "t"), "t")
    except LuaSyntaxError as e:
        return e.msg
    return "ok"


@pytest.fixture(scope="module")
def lua54():
    if LUA54 is None:
        pytest.skip("lua5.4 is not installed")
    cases = BAD + GOOD + TOO_DEEP
    return dict(zip(cases, lua54_messages(cases)))


@pytest.mark.parametrize("snippet", BAD + GOOD)
def test_syntax_errors_as_lua54(snippet, lua54):
    assert ylua_message(snippet) == lua54[snippet]


def test_every_bad_snippet_is_bad_and_every_good_one_good(lua54):
    assert [s for s in BAD if lua54[s] == "ok"] == []
    assert [s for s in GOOD if lua54[s] != "ok"] == []


def test_a_first_line_starting_with_hash_is_skipped_in_files_only():
    assert type(parse(b"#!/usr/bin/env lua\nx = 1", "script.lua")) is ast.Chunk
    with pytest.raises(LuaSyntaxError, match="unexpected symbol near '#'"):
        parse(b"#=1", '[string "#=1"]')  # what load() calls a string


@pytest.mark.parametrize("snippet", TOO_DEEP, ids=range(len(TOO_DEEP)))
def test_too_deep_nesting_is_a_c_stack_overflow(snippet, lua54):
    assert "C stack overflow" in lua54[snippet]
    assert ylua_message(snippet) == "t:1: C stack overflow"


# Where the reference parser's messages are not lua5.4's: it works on a whole grammar, not on PUC's order of reading.
# lua5.4 wins; these are the snippets the reference is known to word differently.
LARK_DIFFERS = {
    # its lexer has no token for a bad long bracket, or for a numeral starting with a dot after a dot
    "x = [==x": "t:1: unexpected symbol near '['", "x = [=": "t:1: unexpected symbol near '['",
    TRICKY[-1]: "t:11: unexpected symbol near '['",
    "a[=1] = 2": "t:1: unexpected symbol near '='", "x = a.1": "t:1: <name> expected near '1'",
    # it shows a control character as it is
    "x = 1 \1": "t:1: unexpected symbol near '\1'", "x = \x80": "t:1: unexpected symbol near '\x80'",
    # it checks assignment targets once it has read the whole statement
    "f(), a = 1": "t:1: syntax error near '='",
    # assignments to constants are the parser's to find (lparser.c's check_readonly), and its tree compiles
    "local t <const> = {}; t = 1": "ok", "local c <const> = 1; c = 2": "ok",
    "local x <const> = 5; local function g() x = 1 end": "ok", "local x <const> = 1\nfunction x()\nend\n\n": "ok",
    "local x <close> = nil; local function f() x = 1 end": "ok", "local x <const> = 1\n x,\n y = 2, 3": "ok",
    "local x <const> = 1\nlocal function f()\n  local function g() x = 2 end\nend": "ok",
    # the compiler reports gotos and breaks at their statement; PUC where it finds out (the end of the function,
    # the label), and a label before 'until' is in the scope of the loop's locals
    "x = 1\nbreak\n\n\nx = 1": "t:2: break outside loop at line 2",
    "while 1 do end\n break\n\n\nx = 1": "t:2: break outside loop at line 2",
    "function f()\n break\nend\n\n-- x\nx = 1": "t:2: break outside loop at line 2",
    "goto a\n\n\nx = 1": "t:1: no visible label 'a' for <goto> at line 1",
    "do goto a end\n\n\nx = 1": "t:1: no visible label 'a' for <goto> at line 1",
    "do local bb, cc; goto l1; end\nlocal aa\n::l1:: print(3)":
        "t:1: <goto l1> at line 1 jumps into the scope of local 'aa'",
    "repeat\n  if x then goto cont end\n  local xuxu = 10\n  ::cont::\nuntil xuxu < x": "ok",
    "local function f()\n goto x\nend\n::x::": "t:2: no visible label 'x' for <goto> at line 2",
}


def test_the_reference_parser_on_errors(lua54):
    """The Lark reference agrees with lua5.4 on most messages; where it does not, the difference is recorded."""
    wrong = {}
    for s in BAD:
        try:
            compile_chunk(parse_lark(s.encode("latin-1"), "t"), "t")
            got = "ok"
        except LuaSyntaxError as e:
            got = e.msg
        if got != lua54[s]:
            wrong[s] = got
    assert wrong == LARK_DIFFERS


# ---------------------------------------------------------------- chains and nesting


def run_lua(src: str) -> str:
    return subprocess.run([sys.executable, "-m", "cli", "-"], input=src.encode(), capture_output=True, cwd=ROOT,
                          env=dict(os.environ, YK_JITC="none", YLUA_CHUNK_CACHE="0"), timeout=300).stdout.decode()


N = 50_000  # far beyond Python's recursion limit, were any of this recursive


CHAINS = {  # name: (source, what it returns)
    "constant sum": ("return " + " + ".join(["1"] * N), f"{N}"),
    "sum": ("local x = 1 return " + " + ".join(["x"] * N), f"{N}"),
    "difference": ("local x = 1 return " + " - ".join(["x"] * N), f"{2 - N}"),
    "and": ("local x = true return " + " and ".join(["x"] * N), "true"),
    "or": ("local x = false return " + " or ".join(["x"] * N) + " or 7", "7"),
    "comparisons": ("local x = 1 return 1" + " == x" * N, "false"),
    "fields": ("local t = {} t.a = t return t" + ".a" * N + " == t", "true"),
    "calls": ("local function f() return f end return f" + "()" * N + " == f", "true"),
    "method calls": ("local o = {} function o:m() return self end return o" + ":m()" * N + " == o", "true"),
    "condition": ("local x = 1 if " + " and ".join(["x"] * N) + " then return 'yes' end", "yes"),
    "products": ("local x, t = 2, {} for i = 1, 3 do t[i] = " + " * ".join(["x"] * 60) + " end return t[3]",
                 f"{2 ** 60}"),
}


@pytest.mark.parametrize("name", list(CHAINS))
def test_long_chains_compile_and_run(name):
    src, expected = CHAINS[name]
    tree = parse(src.encode(), "t")
    compile_chunk(tree, "t")
    assert run_lua(f"print((function() {src} end)())") == expected + "\n"


FIXED_UPVALUES = """
local a, b = 1, 2
b = 3
local function f() return a + b end
local function g(p, q) q = 1; return function() return p + q end end
for i = 1, 2 do local h = function() return i end end
for k, v in pairs({}) do local h = function() k = v end end
local c
local k = function() c = 5 end
function d() return a, print end
local function rec(n) return n > 0 and rec(n - 1) end
local e <close> = nil
local function shadow() local a = 0; a = 1; return function() return a end end
return function() return function() return a, b end end
"""


@pytest.mark.parametrize("parser", [parse, parse_lark])
def test_upvalues_of_locals_only_their_declaration_writes_are_fixed(parser):
    """UpvalDesc.fixed (ylua/fixed_upvalues.py): an assignment anywhere, in the declaring function or a closure,
    makes a local not fixed; parameters, loop variables and local functions are fixed unless assigned; an upvalue
    of an upvalue inherits it; _ENV is fixed when nothing assigns it."""
    main = compile_chunk(parser(FIXED_UPVALUES.encode(), "fixed"), "fixed")

    def fixed(proto):
        return [(u.name, u.fixed) for u in proto.upvals]

    f, g, loop, gfor, k, d, rec, shadow, last = main.protos
    assert fixed(main) == [("_ENV", True)]
    assert fixed(f) == [("a", True), ("b", False)]
    assert fixed(g.protos[0]) == [("p", True), ("q", False)]
    assert fixed(loop) == [("i", True)]
    assert fixed(gfor) == [("k", False), ("v", True)]
    assert fixed(k) == [("c", False)]
    assert fixed(d) == [("a", True), ("_ENV", True)]
    assert fixed(rec) == [("rec", True)]
    assert fixed(shadow.protos[0]) == [("a", False)]
    assert fixed(last.protos[0]) == [("a", True), ("b", False)]
    env_assigned = compile_chunk(parser(b"_ENV = {}", "env"), "env")
    assert fixed(env_assigned) == [("_ENV", False)]
