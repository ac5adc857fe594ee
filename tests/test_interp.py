"""The interpreter core through its Python API: Interp.load / Interp.call on small programs."""

import io

import pytest

from ylua.errors import LuaError, LuaSyntaxError
from ylua.interp import Interp


def run(src: str) -> str:
    out = io.BytesIO()
    rt = Interp(stdout=out)
    rt.call(rt.load(src.encode(), "t.lua"), [])
    return out.getvalue().decode()


CASES = [
    ("print(1, 2.0, 'x', nil, true)", "1\t2.0\tx\tnil\ttrue\n"),
    ("local a <const> = 10; print(a * 2)", "20\n"),
    ("local t = {1, 2, 3, n = 'x', [10] = 'y'}; print(#t, t.n, t[10])", "3\tx\ty\n"),
    ("local s = 0; for i = 1, 100 do s = s + i end; print(s)", "5050\n"),
    ("local function f(...) return select('#', ...) end; print(f(nil, nil))", "2\n"),
    ("print(('%d'):rep ~= nil)" if False else "print(math == nil or true)", "true\n"),
    ("local t = setmetatable({}, {__add = function(a, b) return 42 end}); print(t + 1, 1 + t)", "42\t42\n"),
    ("local t = setmetatable({}, {__index = function(t, k) return k * 2 end}); print(t[21])", "42\n"),
    ("local t = setmetatable({}, {__call = function(self, x) return x + 1 end}); print(t(41))", "42\n"),
    ("local t = setmetatable({}, {__eq = function() return true end}); print(t == setmetatable({}, "
     "getmetatable(t)), t ~= {})", "true\tfalse\n"),
    ("local t = setmetatable({}, {__lt = function() return true end, __le = function() return false end});"
     "print(t < t, t <= t, t > t)", "true\tfalse\ttrue\n"),
    ("local t = setmetatable({}, {__len = function() return 7 end, __unm = function() return 'neg' end});"
     "print(#t, -t)", "7\tneg\n"),
    ("local t = setmetatable({}, {__concat = function(a, b) return 'cat' end}); print(t .. 'x', 1 .. t)",
     "cat\tcat\n"),
    ("local t = setmetatable({}, {__tostring = function() return 'T!' end}); print(t)", "T!\n"),
    ("local log = {} do local x <close> = setmetatable({}, {__close = function() log[#log+1] = 'closed' end})"
     " log[#log+1] = 'body' end print(log[1], log[2])", "body\tclosed\n"),
    ("local t = {} t[1.0] = 'a' t[2] = 'b' print(t[1], #t, math == nil or true)", "a\t2\ttrue\n"),
    ("local t = {} t[true] = 1 t[1] = 2 print(t[true], t[1])", "1\t2\n"),
    ("print(pcall(error, {code = 1}) == false)", "true\n"),
    ("local ok, e = pcall(error) print(ok, e)", "false\tnil\n"),
    ("print(select(2, pcall(function() local x = nil; return x.f end)))",
     "t.lua:1: attempt to index a nil value (local 'x')\n"),
    ("local function f(n) if n == 0 then return 0 end return f(n - 1) end print(f(300000))", "0\n"),
    ("print(2^63 == math_huge, 9007199254740993 == 2^53 + 1, 1e308 * 10)", "false\tfalse\tinf\n"),
    ("goto done; print('skipped') ::done:: print('done')", "done\n"),
    ("local a, b, c = (function() return 1, 2, 3 end)() print(a, b, c)", "1\t2\t3\n"),
    ("for k, v in pairs({10, 20}) do print(k, v) end", "1\t10\n2\t20\n"),
    ("local t = {} for i = 1, 5 do t[#t + 1] = i end print(#t, t[5])", "5\t5\n"),
    ("print(next({}), rawlen({1, 2}), rawequal('a', 'a'), rawget({5}, 1))", "nil\t2\ttrue\t5\n"),
    ("print(tonumber('0x10'), tonumber('10', 2), tonumber(' 5 '), tonumber('z', 36), tonumber('1e'))",
     "16\t2\t5\t35\tnil\n"),
    ("print(load('return 1 + 1')(), load('x = = 1'))",
     "2\tnil\t[string \"x = = 1\"]:1: unexpected symbol near '='\n"),
]


@pytest.mark.parametrize("src,expected", CASES)
def test_programs(src, expected):
    assert run(src) == expected


def test_syntax_error_is_lua_syntax_error():
    with pytest.raises(LuaSyntaxError) as e:
        Interp().load(b"x = = 1", "s.lua")
    assert e.value.msg == "s.lua:1: unexpected symbol near '='"


def test_stack_overflow_is_a_lua_error():
    rt = Interp(stdout=io.BytesIO())
    fn = rt.load(b"local function f() return 1 + f() end return pcall(f)", "so.lua")
    ok, msg = rt.call(fn, [])
    assert ok is False and b"stack overflow" in msg


def test_deep_nested_activations_are_bounded():
    rt = Interp(stdout=io.BytesIO())
    src = b"local t = setmetatable({}, {}) getmetatable(t).__index = function(s, k) return s[k] end return pcall(" \
          b"function() return t.x end)"
    ok, msg = rt.call(rt.load(src, "c.lua"), [])
    assert ok is False and b"stack overflow" in msg


def test_uncaught_error_has_traceback_frames():
    rt = Interp(stdout=io.BytesIO())
    with pytest.raises(LuaError) as e:
        rt.call(rt.load(b"local function f() error('boom') end\nf()", "tb.lua"), [])
    assert e.value.value == b"tb.lua:1: boom"
    assert len(e.value.lua_frames) == 2


def test_pcall_of_a_lua_function_runs_in_the_callers_activation(monkeypatch):
    """pcall(f) of a Lua function pushes f's frame in the running activation of the dispatch loop (no nested
    execute per pcall), caught errors included; xpcall still starts an activation of its own."""
    import ylua.interp as interp_mod

    activations = []
    real = interp_mod.execute

    def counting(rt, frame, *rest):
        activations.append(frame.func.proto.name)
        return real(rt, frame, *rest)

    monkeypatch.setattr(interp_mod, "execute", counting)
    out = io.BytesIO()
    rt = Interp(stdout=out)
    rt.call(rt.load(b"""
        local n = 0
        local function f(i) if i % 2 == 0 then error("even") end return i end
        for i = 1, 50 do if pcall(f, i) then n = n + 1 end end
        print(n)
        xpcall(f, print, 1)
    """, "t.lua"), [])
    assert out.getvalue() == b"25\n"
    assert len(activations) == 2, activations  # the chunk and xpcall's call of f
    assert rt.c_depth == 0
