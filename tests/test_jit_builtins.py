"""Built-in functions in traces: which ones a trace computes itself or calls through a checked-free helper, and which
Lua callbacks of built-ins run as function traces (IR dumps at threshold 0, and statistics)."""

import re

from support import called_by, called_helpers, helper_calls, ir_under_jit0, run_with_stats


def test_select_with_a_constant_index_is_no_call(tmp_path):
    """select('#', ...) and select(2, ...) over values whose number the recording fixed pick the values directly
    (the varargs idiom: `for i = 1, select('#', ...)`, `select(2, s:find(p))`)."""
    called = called_by(tmp_path,
                       "local function count(...) return select('#', ...), select(2, ...) end\n"
                       "local n = 0\n"
                       "for i = 1, 2000 do\n"
                       "  local c, second = count(i, i + 1, nil)\n"
                       "  n = n + c + second\n"
                       "end\n"
                       "print(n)\n")
    assert called == [], called


def test_tonumber_converts_without_calling_the_library_function(tmp_path):
    """tonumber(v) in a trace (jit_record_intrinsics.py): a number is itself, a string is one call of the
    numeral conversion (not of the built-in through call_first, with its checks and result tuple)."""
    called = called_by(tmp_path,
                       "local s = 0\n"
                       "local fields = { '12', '7', '0x10', '2.5', ' 3 ' }\n"
                       "for i = 1, 100 do s = s + tonumber(fields[i % 5 + 1]) + tonumber(i) end\n"
                       "print(s)\n")
    assert called and all("str2number" in c for c in called), called


# runs a script with every aborted recording's reason printed to stderr ("ABORT: reason")


def test_coroutine_status_is_the_status_alone(tmp_path):
    """coroutine.status(co) of a coroutine in a trace calls the library's status_of (no argument checks, no result
    tuple, no call_first around it), and its result is known to be a string."""
    called = called_by(tmp_path,
                       "local co = coroutine.create(function() for i = 1, 1000 do coroutine.yield(i) end end)\n"
                       "local n = 0\n"
                       "for i = 1, 300 do\n"
                       "  if coroutine.status(co) ~= 'dead' then coroutine.resume(co); n = n + 1 end\n"
                       "end\n"
                       "print(n, coroutine.status(co))\n")
    assert any("status_of" in c for c in called), called
    assert not any("c_status" in c or "builtin coroutine.status" in c for c in called), called


def test_several_results_of_string_find_skip_the_library_checks(tmp_path):
    """`select(2, s:find(p, i))` and `local a, b, c = s:find(...)` in a trace call search_result / search_n, the
    search without string.find's argument checks, not the built-in through call_result / call_n."""
    called = called_by(tmp_path,
                       "local s, n = '   x = 1', 0\n"
                       "for i = 1, 200 do\n"
                       "  n = n + select(2, s:find('^[ ]*x', 1))\n"
                       "  local a, b, c = s:find('(%a)', 1)\n"
                       "  n = n + a + b + #c\n"
                       "end\n"
                       "print(n)\n")
    assert any("search_result" in c for c in called) and any("search_n" in c for c in called), called
    assert not any("call_n" in c or "call_result" in c for c in called), called


def test_single_item_patterns_are_scans_not_calls(tmp_path):
    """A tokenizer's whitespace skip, a string reader's search for a quote, a digit test and a gsub that finds
    nothing to escape: one-item patterns are bytes_scan ops in the trace, with no call at all."""
    script = tmp_path / "script.lua"
    script.write_text("local s, n = '  \"ab\\\\c\" 12 ', 0\n"
                      "for i = 1, 200 do\n"
                      "  local p = select(2, s:find('^[ \\t\\n]*', 1)) + 1\n"
                      "  local q = s:find('[\"\\\\]', p + 1)\n"
                      "  local d = s:sub(-3, -3):match('%d')\n"
                      "  local e, k = s:sub(-3):gsub('[%c\"\\\\]+', '?')\n"
                      "  local f = ('abc'):gsub('[%c\"\\\\]', '?')\n"
                      "  n = n + p + q + #d + #e + k + #f\n"
                      "end\n"
                      "print(n)\n")
    ir = ir_under_jit0(script)
    assert ir.count("bytes_scan(") == 5, ir
    assert called_helpers(ir) == [], called_helpers(ir)


def test_callbacks_of_built_ins_run_as_function_traces(tmp_path):
    """A gsub function and a sort comparator without loops get function traces of their own, which the built-ins'
    calls run natively: the trace executions outnumber the loop's own iterations, and the comparator's location
    is compiled."""
    script = tmp_path / "callbacks.lua"
    script.write_text("local function up(c) return c:upper() end\n"
                      "local function desc(a, b) return a > b end\n"
                      "local t, n = {}, 0\n"
                      "for i = 1, 40 do t[i] = (i * 17) % 41 end\n"
                      "for i = 1, 300 do\n"
                      "  n = n + #(('abcdef' .. i):gsub('%a', up))\n"
                      "  table.sort(t, desc)\n"
                      "end\n"
                      "print(n, t[1], t[40])\n")
    got, data = run_with_stats(script, {"YKD_SERIALISE_COMPILATION": "1"})
    assert got.returncode == 0 and got.stdout.split() == [b"2592", b"40", b"1"], got
    states = {loc["loc"].rsplit("/", 1)[-1]: loc["state"] for loc in data["locations"]}
    assert states["callbacks.lua:1"] == states["callbacks.lua:2"] == "compiled", states
    assert data["trace_executions"] > 10 * 300, data["trace_executions"]


def test_a_tail_call_of_a_built_in_that_returns_one_value_is_its_intrinsic(tmp_path):
    """`return setmetatable(o, mt)` (a constructor's last line), reached where the caller wants all results (the
    last argument of a call, an inlined metamethod): setmetatable always returns one value, so the trace stores the
    metatable itself instead of calling the built-in for all its results (ray: 82 thousand calls)."""
    called = called_by(tmp_path,
                       "local V = {}\n"
                       "V.__add = function(a, b) return setmetatable({ x = a.x + b.x }, V) end\n"
                       "local function new(x) return setmetatable({ x = x }, V) end\n"
                       "local function first(o, ...) return o.x + select('#', ...) end\n"
                       "local n = 0\n"
                       "for i = 1, 300 do\n"
                       "  n = n + first(new(i)) + (new(i) + new(1)).x\n"
                       "end\n"
                       "print(n)\n")
    assert not any("call_result" in c or "call_first" in c for c in called), called


def test_math_type_is_a_constant_of_the_guarded_kind(tmp_path):
    """math.type(v) in a trace is "integer", "float" or nil from the kind the trace guards v to have: no call."""
    called = called_by(tmp_path,
                       "local vals, n = { 1, 2.5, 'x' }, 0\n"
                       "for i = 1, 300 do\n"
                       "  if math.type(vals[i % 3 + 1]) == 'integer' then n = n + 1 end\n"
                       "end\n"
                       "print(n)\n")
    assert called == [], called


def test_the_first_step_of_pairs_is_no_call(tmp_path):
    """next(t) starting a pairs loop over a table whose array part starts with an item, over a hash part that has
    its key snapshot (traversed before), or over an empty table, is computed in the trace like the later steps:
    json started 350 thousand pairs loops through calls of next."""
    called = called_by(tmp_path,
                       "local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end\n"
                       "local a, e, h, n = { 1, 2, 3 }, {}, { x = 1, y = 2 }, 0\n"
                       "for _ in pairs(h) do end\n"
                       "for i = 1, 300 do n = n + count(a) + count(e) + count(h) end\n"
                       "print(n)\n")
    assert called == [], called


def test_table_pack_of_values_is_made_in_the_trace(tmp_path):
    """table.pack(...) of values that are not nil makes its table in the trace, with no call."""
    called = called_by(tmp_path,
                       "local function pk(...) return table.pack(...) end\n"
                       "local s = 0\n"
                       "for i = 1, 300 do local t = pk(i, 'x', {}) s = s + t.n + #t + t[1] end\n"
                       "print(s)\n")
    assert called == [], called


def test_table_remove_at_a_position_of_the_array_part_skips_the_library(tmp_path):
    """table.remove(q, 1) on a table without a metatable (a queue) is one call of table_remove_at behind guards on
    the metatable and the position, not the built-in through call_first."""
    called = called_by(tmp_path,
                       "local q, s = {}, 0\n"
                       "for i = 1, 300 do q[i] = i end\n"
                       "while #q > 0 do s = s + table.remove(q, 1) end\n"
                       "print(s)\n")
    assert any("table_remove_at" in c for c in called), called
    assert not any("call_first" in c for c in called), called


def test_starting_an_ipairs_or_pairs_loop_calls_nothing(tmp_path):
    """A generic for's ipairs(t) or pairs(t) (a table without a metatable) in a trace gives the library's three
    results with no call: no call op of the traces below passes ipairs or pairs to a helper (pairs' first `next`
    step into a new table's hash part, which has no key snapshot yet, is still a call)."""
    script = tmp_path / "rows.lua"
    script.write_text(
        "local rows, s, h = {}, 0, { x = 1, y = 2 }\n"
        "for i = 1, 50 do rows[i] = { i, i + 1 } end\n"
        "for r = 1, 100 do\n"
        "  for _, row in ipairs(rows) do for _, v in ipairs(row) do s = s + v end end\n"
        "  for _, v in pairs(rows[r % 50 + 1]) do s = s + v end\n"
        "  for _, v in pairs({ x = r, y = h.y }) do s = s + v end\n"
        "end\n"
        "print(s)\n")
    passed = []
    for trace in ir_under_jit0(script).split("--- Begin")[1:]:
        constants = dict(re.findall(r"# (\$k\d+) = (.*)", trace))
        passed += [constants[k] for call in helper_calls(trace) for k in re.findall(r"\$k\d+", call.split("{")[0])]
    assert any("builtin next" in c for c in passed), passed  # (the test sees the calls it means to)
    assert not any(c in ("<builtin ipairs>", "<builtin pairs>") for c in passed), passed
