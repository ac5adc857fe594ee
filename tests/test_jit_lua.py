"""The JIT on Lua programs: event logs of nested execution, native code, deopts, stats, IR dumps, configuration."""

import json
import os
import re
import subprocess
import sys

import pytest
from support import JIT0, LUA_TESTS, helper_calls, ir_under_jit0, run_with_stats, run_ylua


def events(path, extra=None, level=4):
    env = dict(JIT0, YKD_LOG=str(level), **(extra or {}))
    got = run_ylua([os.path.basename(path)], env, cwd=os.path.dirname(path))
    assert got.returncode == 0, got.stderr.decode(errors="replace")
    out = []
    for line in got.stderr.decode().splitlines():
        if line.startswith("yk-jit-event: "):
            _, name, payload = line.split(" ", 2)
            out.append((name, json.loads(payload)))
    return got, out


def scenario(name):
    return os.path.join(LUA_TESTS, "jit", name)


def find(evs, pred, start=0):
    for k in range(start, len(evs)):
        if pred(*evs[k]):
            return k
    raise AssertionError("no such event")


def test_meta_framegap_event_stream():
    """The outer trace runs; inside it the metamethod's trace is entered (two traces on the stack) and deopts; then
    a guard of the outer trace fails and is found in the outer trace."""
    _, evs = events(scenario("meta_framegap.lua"))
    k = find(evs, lambda e, f: e == "enter-jit-code" and len(f["stack"]) == 2)
    outer, inner = evs[k][1]["stack"]
    assert outer != inner
    k = find(evs, lambda e, f: e == "deoptimise" and f["trid"] == inner and f["stack"] == [outer, inner], k)
    find(evs, lambda e, f: e == "deoptimise" and f["trid"] == outer and f["stack"] == [outer], k)
    compiled = {f["trid"]: f["loc"] for e, f in evs if e == "trace-compiled"}
    assert compiled[inner] == "meta_framegap.lua:8" and compiled[outer] == "meta_framegap.lua:18"


def test_the_same_trace_nested_in_itself():
    _, evs = events(scenario("recursive_while_activations.lua"))
    deep = [f["stack"] for e, f in evs if e == "enter-jit-code" and len(f["stack"]) >= 3]
    assert deep, "no trace ran three activations deep"
    assert any(len(set(s)) < len(s) for s in deep)  # one trace live in several activations at once


def test_error_through_live_traces_keeps_the_stack_balanced():
    got, evs = events(scenario("error_in_nested_activation.lua"), {"YKD_CHECK_STACK": "1"})
    assert b"boom at 250" in got.stdout
    assert any(e == "enter-jit-code" and len(f["stack"]) == 2 for e, f in evs)
    assert [f for e, f in evs if e == "deoptimise" and f["stack"] == []] == []


def test_trace_resumes_coroutine_with_its_own_trace():
    _, evs = events(scenario("trace_resumes_coroutine.lua"))
    compiled = {f["loc"] for e, f in evs if e == "trace-compiled"}
    assert "trace_resumes_coroutine.lua:7" in compiled  # the coroutine's own loop
    assert "trace_resumes_coroutine.lua:13" in compiled  # the loop that resumes it


def test_every_event_has_the_documented_fields():
    _, evs = events(scenario("three_activations_type_changes.lua"))
    for name, f in evs:
        assert "stack" in f and "loc" in f
        if name == "tracing-aborted":
            assert f["reason"]
        if name == "deoptimise":
            assert isinstance(f["gidx"], int)


def test_stats_json(tmp_path):
    stats = tmp_path / "stats.json"
    got = run_ylua([scenario("meta_framegap.lua")], dict(JIT0, YKD_LOG_STATS=str(stats)))
    assert got.returncode == 0
    data = json.loads(stats.read_text())
    for key in ("traces_recorded_ok", "traces_recorded_err", "traces_compiled_ok", "traces_compiled_err",
                "trace_executions", "deopts"):
        assert isinstance(data[key], int)
    assert data["traces_compiled_ok"] >= 2 and data["trace_executions"] > 0
    for key in ("interpreting", "tracing", "compiling", "deopting", "jit_executing"):
        assert data["durations"][key] >= 0


def test_stats_name_why_loops_run_in_the_interpreter(tmp_path):
    """YKD_LOG_STATS lists each location's aborts (reason and source position, counted) and the guards that fail
    most, with their positions."""
    script = tmp_path / "why.lua"
    script.write_text(
        "local t = 0\n"
        "for i = 1, 300 do\n"
        "  debug.sethook()\n"  # a built-in that never runs in a trace: every recording of this loop aborts
        "end\n"
        "for i = 1, 300 do\n"
        "  if i % 3 == 0 then t = t + #tostring(i) else t = t - 1 end\n"
        "end\n"
        "print(t)\n")
    got, data = run_with_stats(script, {"YK_HOT_THRESHOLD": "0", "YKD_SERIALISE_COMPILATION": "1",
                                        "YK_SIDETRACE_THRESHOLD": "1000"})
    assert got.returncode == 0, got.stderr
    first = {loc["loc"].rsplit("/", 1)[-1]: loc for loc in data["locations"]}
    why = first["why.lua:2"]
    assert why["state"] == "dont-trace" and why["traces"] == []
    assert why["aborts"][0]["at"].endswith("why.lua:3") and "debug.sethook" in why["aborts"][0]["reason"]
    assert why["aborts"][0]["count"] >= 2
    assert first["why.lua:5"]["traces"]
    top = data["guards"][0]
    assert top["loc"].endswith("why.lua:5") and top["at"].endswith("why.lua:6") and top["deopts"] >= 90


def test_loops_that_leave_into_each_other_still_get_traces(tmp_path):
    """A work-list `while` that runs one iteration per visit of its outer loop: the recordings of the two loops met
    each other's loop starts before either had a trace, and both gave up (DontTrace). Now such an abort waits for
    the other loop, the next attempt starts at a different visit, and the `while` loop gets its trace."""
    script = tmp_path / "worklist.lua"
    script.write_text(
        "local total = 0\n"
        "for round = 1, 100 do\n"
        "  for w = 1, 50 do\n"
        "    local work = { w }\n"
        "    while #work > 0 do\n"
        "      total = total + table.remove(work)\n"
        "    end\n"
        "  end\n"
        "end\n"
        "print(total)\n")
    got, data = run_with_stats(script, {"YK_HOT_THRESHOLD": "10", "YKD_SERIALISE_COMPILATION": "1"})
    assert got.stdout == b"127500\n", got.stderr
    states = {loc["loc"].rsplit(":", 1)[-1]: loc["state"] for loc in data["locations"]}
    assert states["5"] == "compiled", states


def test_fields_at_other_entries_cost_no_side_traces(tmp_path):
    """Objects of one class whose fields sit at different entries (set to nil and set again: a dict entry moves to
    the end): a trace reads a field at the entry it found it at and probes otherwise. richards made a side trace per
    entry index its task objects' fields had reached (hundreds)."""
    script = tmp_path / "entries.lua"
    script.write_text(
        "local objs = {}\n"
        "for i = 1, 20 do objs[i] = { v = i, w = 1 } end\n"
        "local total = 0\n"
        "for round = 1, 200 do\n"
        "  for i = 1, #objs do\n"
        "    local o = objs[i]\n"
        "    total = total + o.v + o.w\n"
        "    if (round + i) % 7 == 0 then o.v = nil; o.v = round end\n"
        "  end\n"
        "end\n"
        "print(total)\n")
    got, data = run_with_stats(script, {"YK_HOT_THRESHOLD": "5", "YKD_SERIALISE_COMPILATION": "1"})
    assert got.returncode == 0, got.stderr
    assert got.stdout == run_ylua([str(script)], {"YK_JITC": "none"}).stdout
    assert data["side_traces"] <= 6, data["side_traces"]


def test_ir_dumps_show_native_code(tmp_path):
    script = tmp_path / "loop.lua"
    script.write_text("local s = 0.0\nfor i = 1, 1000 do s = s + i * 0.5 end\nprint(s)\n")
    got = run_ylua([str(script)], dict(JIT0, YKD_LOG_IR="aot,jit-pre-opt,jit-llvm,jit-asm"))
    assert got.stdout == b"250250.0\n"
    err = got.stderr.decode()
    for stage in ("aot", "jit-pre-opt", "jit-llvm", "jit-asm"):
        assert f"--- Begin {stage} (trace 1) ---" in err
    assert "FORLOOP" in err and "fadd double" in err and "define ptr @trace_1" in err
    assert "float_mul" in err


@pytest.mark.parametrize("env,msg", [
    ({"YK_HOT_THRESHOLD": "abc"}, "YK_HOT_THRESHOLD"),
    ({"YK_JITC": "gcc"}, "YK_JITC"),
    ({"YKD_LOG_IR": "jit-bogus"}, "YKD_LOG_IR"),
    ({"YK_OPT": "1", "YKD_OPT": "0"}, "YKD_OPT"),
])
def test_bad_configuration_is_one_line(env, msg):
    got = run_ylua(["-e", "print(1)"], env)
    assert got.returncode == 1
    lines = got.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ylua: ") and msg in lines[0]


def test_interpreter_only_has_no_events():
    got = run_ylua(["-e", "for i = 1, 10 do end print('x')"], {"YK_JITC": "none", "YKD_LOG": "4"})
    assert got.stdout == b"x\n" and b"yk-jit-event" not in got.stderr


def test_error_raised_inside_a_trace_has_its_position(tmp_path):
    script = tmp_path / "err.lua"
    script.write_text("local t = {1, 2, 3}\nlocal s = 0\nfor i = 1, 10 do\n  s = s + t[i]\nend\n")
    got = run_ylua([str(script)], JIT0)
    assert got.returncode == 1
    first = got.stderr.decode().splitlines()[0]
    assert first.endswith("err.lua:4: attempt to perform arithmetic on a nil value (field '?')")


def test_inlined_frames_are_rebuilt_at_a_deopt(tmp_path):
    script = tmp_path / "inl.lua"
    script.write_text(
        "local function g(x) if x == 77 then error('deep ' .. x) end return x + 1 end\n"
        "local function f(x) return g(x) * 2 end\n"
        "local s = 0\n"
        "for i = 1, 100 do s = s + f(i) end\n"
    )
    got = run_ylua([str(script)], JIT0)
    err = got.stderr.decode().splitlines()
    assert err[0].endswith("inl.lua:1: deep 77")
    assert any("inl.lua:2: in" in line for line in err) and any("inl.lua:4: in main chunk" in line for line in err)


def test_side_trace_is_recorded_patched_and_executed(tmp_path):
    script = tmp_path / "branchy.lua"
    # (the arms store to a table: a branch that only computes numbers would be recorded as selects)
    script.write_text("local a = {s = 0}\nfor i = 1, 3000 do\n"
                      "  if i % 3 == 0 then a.s = a.s + i else a.s = a.s - 1 end\nend\nprint(a.s)\n")
    got, evs = events(str(script))
    assert got.stdout == b"1499500\n"
    side = [f for e, f in evs if e == "start-side-tracing"]
    assert side and side[0]["parent"] == 1 and isinstance(side[0]["gidx"], int)
    runs = [f for e, f in evs if e == "execute-side-trace"]
    assert len(runs) > 900 and runs[0]["trid"] == side[0]["trid"] and runs[0]["stack"] == [1]
    deopts = [f for e, f in evs if e == "deoptimise"]
    assert len(deopts) < 10  # the failing guard no longer returns to the interpreter


def test_background_compilation_gives_the_same_output(tmp_path):
    script = tmp_path / "bg.lua"
    script.write_text("local t = {}\nfor i = 1, 200000 do t[i] = i * 0.5 end\nlocal s = 0\n"
                      "for i = 1, #t do s = s + t[i] end\nprint(s)\n")
    got = run_ylua([str(script)], {"YK_HOT_THRESHOLD": "0", "YKD_LOG": "3", "YK_JOBS": "2"})
    assert got.returncode == 0 and got.stdout == b"10000050000.0\n"
    assert b"trace-compiled" in got.stderr


def test_side_trace_of_an_outer_trace_runs_inner_traces():
    _, evs = events(scenario("side_trace_around_nested_traces.lua"), {"YK_SIDETRACE_THRESHOLD": "1"})
    compiled = {f["trid"]: f for e, f in evs if e == "trace-compiled"}
    outer = next(t for t, f in compiled.items() if f["loc"].endswith(":11") and "parent" not in f)
    side = next(t for t, f in compiled.items() if f.get("parent") == outer)
    k = find(evs, lambda e, f: e == "execute-side-trace" and f["trid"] == side and f["stack"] == [outer])
    find(evs, lambda e, f: e == "enter-jit-code" and f["stack"][0] == outer and len(f["stack"]) == 2, k)


def test_an_outer_loop_trace_loops_where_most_iterations_skip_the_inner_loop():
    """The outer loop's first recording enters the inner loop's trace; it is abandoned for one that loops."""
    path = scenario("outer_loop_mostly_skips_inner.lua")
    got, evs = events(path, {"YKD_LOG_IR": "jit-post-opt"}, level=3)
    outer = "outer_loop_mostly_skips_inner.lua:11"
    assert any(e == "tracing-aborted" and f["loc"] == outer and f["reason"].startswith("enters the trace at")
               for e, f in evs)
    dumps = got.stderr.decode().split("--- Begin jit-post-opt")
    roots = [d for d in dumps if f"root loc={outer}" in d.split("\n", 2)[1]]
    def terminator(dump):
        return [line for line in dump.split("--- End")[0].splitlines() if line and not line.startswith("#")][-1]

    assert roots and all(terminator(d).startswith("jump(") for d in roots)


def test_a_loop_trace_carries_and_writes_back_only_live_registers(tmp_path):
    """The temporary that holds t[i] is written before it is read in every iteration: dead at the loop start, so
    the loop does not carry it and no exit writes it back (ylua/liveness.py); only the counters are carried."""
    script = tmp_path / "count.lua"
    script.write_text("local t = {}\nfor i = 1, 200 do t[i] = (i % 7 ~= 0) end\n"
                      "local n = 0\nfor i = 1, 200 do if t[i] then n = n + 1 end end\nprint(n)\n")
    got = run_ylua([str(script)], dict(JIT0, YKD_LOG_IR="jit-post-opt"))
    assert got.stdout == b"172\n"
    dumps = got.stderr.decode().split("--- Begin jit-post-opt")
    (loop,) = [d for d in dumps if "root loc=" in d and d.split("\n", 2)[1].endswith(":4")]
    label = next(line for line in loop.splitlines() if line.startswith("label("))
    args = label[len("label("):-1].split(", ")
    assert args and all(a.startswith("i") for a in args), label


def test_assert_in_an_inlined_function_is_a_guard_not_an_abort():
    got, evs = events(scenario("assert_in_inlined_calls.lua"))
    assert b"index out of range" in got.stdout
    reasons = [f["reason"] for e, f in evs if e == "tracing-aborted"]
    assert not [r for r in reasons if "'assert'" in r], reasons
    assert any(e == "deoptimise" for e, f in evs)  # the failing assertions left their traces


def test_numeric_branches_become_selects_not_side_traces(tmp_path):
    """A loop whose branches only compute numbers has no guard left for them: no side traces, no deopts."""
    stats = tmp_path / "stats.json"
    got = run_ylua([scenario("branches_as_selects.lua")], dict(JIT0, YKD_LOG_STATS=str(stats),
                                                              YKD_LOG_IR=f"{tmp_path / 'ir.txt'}:jit-post-opt"))
    assert got.returncode == 0, got.stderr
    ir = (tmp_path / "ir.txt").read_text()
    first = ir.split("--- End")[0]  # the first loop's trace
    assert first.count("int_select") >= 3 and "float_select" in first
    guards = [g for g in json.loads(stats.read_text())["guards"] if g["loc"].endswith("branches_as_selects.lua:7")]
    assert sum(g["deopts"] for g in guards) < 10, guards


def test_pcall_and_error_inside_it_stay_in_the_trace(tmp_path):
    """pcall of a Lua function is inlined (no call of the built-in, no nested activation), and error() in that
    function returns false and the error to the pcall inside the trace: once the side traces for the error paths
    exist, the loop runs without leaving its traces."""
    script = tmp_path / "pcall_loop.lua"
    script.write_text(
        "local function risky(i)\n"
        "  if i % 3 == 0 then error('three', 0) end\n"
        "  if i % 5 == 0 then error({ code = i }) end\n"
        "  return i * 2\n"
        "end\n"
        "local ok_sum, strs, tabs = 0, 0, 0\n"
        "for i = 1, 3000 do\n"
        "  local ok, v = pcall(risky, i)\n"
        "  if ok then ok_sum = ok_sum + v elseif type(v) == 'table' then tabs = tabs + v.code\n"
        "  else strs = strs + #v end\n"
        "end\n"
        "print(ok_sum, strs, tabs)\n")
    env = dict(JIT0, YKD_LOG_IR="jit-pre-opt")
    got, data = run_with_stats(script, env)
    assert got.returncode == 0, got.stderr
    assert got.stdout == b"4800000\t5000\t600000\n"
    assert helper_calls(got.stderr.decode()) == [], helper_calls(got.stderr.decode())
    assert data["deopts"] <= 20, data["deopts"]


def test_integer_float_comparisons_stay_native(tmp_path):
    """`r >= cum[k]` with a float r and integer weights (revcomp's and fasta's lookup loops) compares natively:
    the trace converts the integer behind a guard that it is within 2^53, instead of calling the generic helper."""
    script = tmp_path / "lookup.lua"
    script.write_text(
        "local cum = { 27, 39, 51, 78, 100 }\n"
        "local n = 0\n"
        "for i = 1, 2000 do\n"
        "  local r, k = (i * 37 % 100) + 0.5, 1\n"
        "  while k < #cum and r >= cum[k] do k = k + 1 end\n"
        "  n = n + k\n"
        "end\n"
        "print(n)\n")
    ir = ir_under_jit0(script)
    assert helper_calls(ir) == [], helper_calls(ir)


def test_calls_of_a_function_whose_loop_runs_long_stay_native(tmp_path):
    """A hot loop calling a function whose loop runs long (past the unrolling limit when the function's trace was
    recorded) inlines the call and jumps into the callee's loop trace: each call used to leave the function trace
    at the loop and finish in a nested activation of the interpreter (a trace entry and two exits per call)."""
    script = tmp_path / "collatz.lua"
    script.write_text(
        "local function collatz(n)\n"
        "  local len = 1\n"
        "  while n ~= 1 do\n"
        "    if n & 1 == 0 then n = n >> 1 else n = 3 * n + 1 end\n"
        "    len = len + 1\n"
        "  end\n"
        "  return len\n"
        "end\n"
        "local total = 0\n"
        "for start = 1, 4000 do total = total + collatz(start) end\n"
        "print(total)\n")
    got, data = run_with_stats(script, {"YKD_SERIALISE_COMPILATION": "1"})
    assert got.returncode == 0, got.stderr
    assert got.stdout == str(sum(_collatz(n) for n in range(1, 4001))).encode() + b"\n"
    assert data["trace_executions"] < 1000, data["trace_executions"]


def _collatz(n):
    steps = 1
    while n != 1:
        n = n >> 1 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def test_concatenating_strings_and_numbers_gives_a_known_string(tmp_path):
    """`"id" .. i .. "," .. x` with integer and float operands: the trace formats the numbers in one helper whose
    result is known to be a string (no type guard on it), instead of the generic concatenation."""
    script = tmp_path / "cat.lua"
    script.write_text(
        "local n = 0\n"
        "for i = 1, 2000 do\n"
        "  local s = 'id' .. i .. ',' .. (i * 0.5) .. ';'\n"
        "  n = n + #s\n"
        "end\n"
        "print(n)\n")
    ir = ir_under_jit0(script)
    assert " = call(" in ir
    assert "$bytes)" not in ir, [line for line in ir.splitlines() if "$bytes)" in line]


def test_a_side_trace_makes_the_tail_call_of_its_frame_from_the_caller(tmp_path):
    """The exit side trace of a short loop reaches `return q:push(x)` in the loop's function (called from the
    interpreter, here a gsub callback that has no function trace, being vararg): it returns to the caller's frame
    and makes the call there, so push runs in the trace. It used to end at the tail call, leaving push to the
    interpreter (richards: 110000 times)."""
    script = tmp_path / "tail.lua"
    script.write_text(
        "local Q = {}\n"
        "Q.__index = Q\n"
        "function Q:push(v) self.n = self.n + v; return self.n end\n"
        "local q = setmetatable({ n = 0 }, Q)\n"
        "local function fill(k)\n"
        "  local s = 0\n"
        "  for i = 1, 4 do s = s + i * k end\n"
        "  return q:push(s)\n"
        "end\n"
        "local total = 0\n"
        "local _ = ('x'):rep(400):gsub('.', function(...) total = total + fill(3) end)\n"
        "print(total, q.n)\n")
    sides = ir_under_jit0(script).split("--- Begin jit-pre-opt")[1:]
    sides = [t for t in sides if " side " in t.splitlines()[1]]
    ends = [line for t in sides for line in t.splitlines() if line.startswith("finish(")]
    assert ends and not any(line.endswith("tail.lua:8") for line in ends), ends  # not at the tail call



def test_exits_inside_an_inlined_call_keep_only_what_the_caller_reads_after_it(tmp_path):
    """An exit inside an inlined call keeps the caller's registers that are live where the caller resumes (after
    the call), less the ones the call's results overwrite: not the call's function and argument registers."""
    script = tmp_path / "callee_guard.lua"
    script.write_text(
        "local function g(x)\n"
        "  if x > 1000000000 then return 0 end\n"
        "  return x + 1\n"
        "end\n"
        "local t = 0\n"
        "for i = 1, 100 do\n"
        "  t = t + g(i * 3)\n"
        "end\n"
        "print(t)\n")
    ir = ir_under_jit0(script)
    outside = [line for line in ir.splitlines() if line.startswith("guard_true") and line.endswith(":6")]
    inside = [line for line in ir.splitlines() if line.startswith("guard_false") and line.endswith(":2")]
    assert outside and inside, ir

    def writes(line):
        return line.split("|", 1)[1].count("=")

    assert writes(inside[0]) == writes(outside[0]), (inside, outside)


def test_while_loops_over_0_based_arrays_are_not_traced_at_index_0(tmp_path):
    """Item 0 of a 0-based array lives in the hash part: a while loop's trace recorded on the iteration with index 0
    would guard for the hash part, and every later iteration would leave it. The recording waits for a later
    iteration, and the loop's trace reads and writes the array part."""
    script = tmp_path / "flip.lua"
    script.write_text(
        "local perm = {}\n"
        "for i = 0, 9 do perm[i] = i end\n"
        "local s = 0\n"
        "for rep = 1, 200 do\n"
        "  local i, j = 0, rep % 10\n"
        "  while i < j do\n"
        "    perm[i], perm[j] = perm[j], perm[i]\n"
        "    i = i + 1\n"
        "    j = j - 1\n"
        "  end\n"
        "  s = s + perm[0] * rep\n"
        "end\n"
        "print(s)\n")
    ir = ir_under_jit0(script)
    loops = [block for block in ir.split("--- Begin") if " root loc=" in block and block.split("\n")[1].endswith(":6")]
    assert loops, ir
    assert all("dict_" not in block for block in loops), loops


def test_closures_and_cells_are_allocated_natively(tmp_path):
    """A trace makes a closure and the cell of a captured local without calling a helper, and the closure works
    (its cell is shared with the loop body that captured it)."""
    script = tmp_path / "closures.lua"
    script.write_text(
        "local sum = 0\n"
        "for i = 1, 300 do\n"
        "  local x = i\n"
        "  local f = function(y) return x + y end\n"
        "  x = x + 1\n"
        "  sum = sum + f(1)\n"
        "end\n"
        "print(sum)\n")
    ir = ir_under_jit0(script)
    assert "new_object" in ir
    assert helper_calls(ir) == [], helper_calls(ir)


def test_coroutine_switches_call_the_jit_only_while_it_records():
    """A coroutine switch tells the JIT driver about it (coroutine_switched) only while a recording lasts: between
    recordings the switch costs no call. Recordings that span switches still work."""
    import io

    from ylua.interp import Interp
    from ylua.jit_driver import make_driver
    from ylua.values import Builtin

    driver = make_driver({"YK_HOT_THRESHOLD": "3", "YKD_SERIALISE_COMPILATION": "1"})
    out = io.BytesIO()
    rt = Interp(stdout=out, jit_driver=driver)
    seen = []

    def probe(*_):
        seen.append((driver.recording is not None, driver.coroutine_switched in rt.coroutine_switch_hooks))
        return ()

    rt.globals.set_str(b"probe", Builtin(probe, "probe"))
    src = (b"local co = coroutine.wrap(function(x) while true do probe(); x = coroutine.yield(x * 2) end end)\n"
           b"local s = 0\n"
           b"for i = 1, 200 do probe(); s = s + co(i) end\n"
           b"print(s)\n")
    rt.call(rt.load(src, "switches.lua"), [])
    assert out.getvalue() == b"40200\n"
    assert all(recording == hooked for recording, hooked in seen), seen
    assert any(recording for recording, _ in seen) and not all(recording for recording, _ in seen)
    assert rt.coroutine_switch_hooks == []


def test_fixed_upvalues_are_constants_in_traces(tmp_path):
    """Upvalues that only their declaration writes (ylua/fixed_upvalues.py) are recorded as their values: the
    arithmetic on them has constant operands, and only the mutable one is loaded from its cell."""
    script = tmp_path / "lcg.lua"
    script.write_text(
        "local IA, IC, IM = 3877, 29573, 139968\n"
        "local last = 42\n"
        "local function rnd() last = (last * IA + IC) % IM return last end\n"
        "local s = 0\n"
        "for i = 1, 100 do s = s + rnd() end\n"
        "print(s)\n")
    ir = ir_under_jit0(script)
    assert re.search(r"int_mul\(\w+, 3877\)", ir), ir
    assert re.search(r"int_add\(\w+, 29573\)", ir), ir
    assert "guard_is" in ir  # the guard that the debug library has not written them
    cells = set(re.findall(r"= getslot\((\$k\d+), 16\)", ir))
    assert len(cells) == 2, cells  # `last`'s cell, and the guard's flag


def test_appends_to_tables_with_a_hash_part_are_native(tmp_path):
    """Filling a 0-based array (key 0 lives in the hash part) and giving an object with fields an array part
    store natively: no call of the generic settable helper."""
    script = tmp_path / "fill.lua"
    script.write_text(
        "local s = 0\n"
        "for round = 1, 30 do\n"
        "  local t = {}\n"
        "  for i = 0, 20 do t[i] = i end\n"
        "  local o = { name = 'o' }\n"
        "  for i = 1, 5 do o[i] = i end\n"
        "  s = s + #t + #o + t[0]\n"
        "end\n"
        "print(s)\n")
    ir = ir_under_jit0(script)
    assert "settable" not in ir and "list_append" in ir and "dict_set" in ir, ir


def test_side_traces_enter_the_loop_past_its_preamble_when_the_parent_knows_the_registers(tmp_path):
    """A loop whose later iterations take another branch (md5's rounds): the side trace for that branch knows the
    types the loop's preamble guarded of registers the loop never writes (jit/ir/facts.py), so the optimiser drops
    the copied preamble's guards and the side trace enters the loop directly (jump_loop), each iteration."""
    script = tmp_path / "rounds.lua"
    script.write_text(
        "local K, M, name = {}, {}, 'rounds'\n"
        "for i = 1, 64 do K[i] = i * 7 M[i] = i end\n"
        "local s = 0\n"
        "for round = 1, 20 do\n"
        "  for i = 1, 64 do\n"
        "    local f\n"
        "    if i <= 16 then f = K[i] + M[i] else f = K[i] - M[i] end\n"
        "    s = (s + f + #name) & 0xffff\n"
        "  end\n"
        "end\n"
        "print(s)\n")
    got = run_ylua([str(script)], dict(JIT0, YKD_LOG_IR="jit-post-opt"))
    assert got.returncode == 0, got.stderr
    assert got.stdout == run_ylua([str(script)], {"YK_JITC": "none"}).stdout
    ir = got.stderr.decode()
    side = [t for t in ir.split("--- Begin jit-post-opt")[1:] if " side loc=" in t]
    assert any("jump_loop(" in t for t in side), ir


_REPORT_ABORTS = """
import sys
import ylua.jit_driver as driver
abort = driver.JitDriver.abort_recording
def reported(self, rt, rec, reason, *args, **kwargs):
    print("ABORT:", reason, file=sys.stderr)
    return abort(self, rt, rec, reason, *args, **kwargs)
driver.JitDriver.abort_recording = reported
sys.argv = ["ylua", sys.argv[1]]
import cli.main
cli.main.main()
"""


def test_a_new_integer_key_outside_the_array_part_is_recorded_without_an_internal_error(tmp_path):
    """A store of a new integer key that neither is in the array part nor extends it (a table filled out of
    order) calls the settable helper. A local named like the helpers object shadowed it there, and every such
    recording aborted with an AttributeError (havlak's do_dfs: `self.last[current] = last_id`)."""
    script = tmp_path / "sparse.lua"
    script.write_text(
        "local last, n = {}, 0\n"
        "for i = 1, 300 do\n"
        "  local k = (i * 7919) % 1000 + 2\n"
        "  last[k] = i\n"
        "  n = n + k\n"
        "end\n"
        "print(n, last[921])\n")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    got = subprocess.run([sys.executable, "-c", _REPORT_ABORTS, str(script)], cwd=root, capture_output=True,
                         env=dict(os.environ, **JIT0), timeout=120)
    assert got.returncode == 0 and got.stdout == b"151450\t1\n", got.stderr
    assert b"internal error" not in got.stderr, got.stderr.decode()


def test_a_loop_too_long_to_trace_is_given_up_after_one_recording(tmp_path):
    """A recording that runs past the trace length limit would do so again on every retry (each one recording
    thousands of ops for nothing): its location is given up at the first such abort."""
    body = "\n".join(f"  x = x + t[{k % 7 + 1}] * {k}" for k in range(1500))
    script = tmp_path / "long.lua"
    script.write_text(f"local t, x = {{1, 2, 3, 4, 5, 6, 7}}, 0\nfor i = 1, 3000 do\n{body}\nend\nprint(x)\n")
    stats = tmp_path / "stats.json"
    got = run_ylua([str(script)], {"YK_HOT_THRESHOLD": "2", "YKD_LOG_STATS": str(stats)})
    assert got.returncode == 0, got.stderr
    assert got.stdout == run_ylua([str(script)], {"YK_JITC": "none"}).stdout
    aborts = [a for loc in json.loads(stats.read_text())["locations"] for a in loc.get("aborts", ())
              if a["reason"].startswith("trace too long")]
    assert [a["count"] for a in aborts] == [1], aborts
