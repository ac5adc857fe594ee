"""Loops of a function trace's own function (ylua/jit_record_func_loops.py): the trace stops at the loop start, a
side trace of that stop loops, and the side traces of the loop's body jump back into it."""

import re

from support import JIT0, ir_under_jit0, run_ylua


def traces(ir: str) -> list:
    """(kind, ops, constants) of each trace of an IR dump that belongs to the function trace's tree (the loop also
    gets a root trace of its own, from the interpreter running it before the looping side trace was compiled)."""
    out = []
    for text in ir.split("--- Begin")[1:]:
        lines = [line for line in text.splitlines()[1:] if line and not line.startswith(("#", "---"))]
        _, _, kind, loc = lines[0].split()
        if loc.endswith(":2"):  # where `total` is defined
            out.append((kind, lines[2:], dict(re.findall(r"# (\$k\d+) = (.*)", text))))
    return out


SUMS = """
local function total(t, n)
  local s = 0
  for i = 1, n do
    if t[i] % 3 == 0 then s = s + 2 * t[i] else s = s + t[i] end
  end
  return s
end
local t, check = {}, 0
for i = 1, 40 do t[i] = i * 7 % 11 end
for round = 1, 400 do check = check + total(t, round % 37) end
print(check)
"""


def test_a_loop_of_the_traced_function_runs_as_one_looping_side_trace(tmp_path):
    script = tmp_path / "sums.lua"
    script.write_text(SUMS)
    got = traces(ir_under_jit0(script))
    functions = [ops for kind, ops, _ in got if kind == "function"]
    assert functions and all(ops[-1].startswith("finish(") for ops in functions)  # it stops at the loop
    looping = [ops for kind, ops, _ in got if kind == "side" and any(op.startswith("label(") for op in ops)]
    assert len(looping) == 1 and looping[0][0].startswith("label(") and looping[0][-1].startswith("jump(")
    # 37 trip counts and a branch in the body: unrolled, each count and each path had its own side trace
    assert len(got) <= 8, [ops[-1] for _, ops, _ in got]


def test_a_side_trace_of_the_loop_body_jumps_back_into_the_loop(tmp_path):
    script = tmp_path / "sums.lua"
    script.write_text(SUMS)
    got = traces(ir_under_jit0(script))
    joins = [(ops[-1], constants) for kind, ops, constants in got
             if kind == "side" and ops[-1].startswith(("jump_trace(", "jump_loop("))]
    assert joins
    for last, constants in joins:
        target = constants[re.match(r"jump_\w+\((\$k\d+)", last).group(1)]
        assert " side " in target  # the looping side trace, not a root trace


def test_the_looping_side_trace_checks_what_its_loop_only_reads_once_before_its_label(tmp_path):
    script = tmp_path / "sums.lua"
    script.write_text(SUMS)
    got = run_ylua([str(script)], dict(JIT0, YKD_LOG_IR="jit-post-opt"))
    assert got.returncode == 0, got.stderr
    (looping,) = [ops for kind, ops, _ in traces(got.stderr.decode())
                  if kind == "side" and any(op.startswith("label(") for op in ops)]
    before = looping[:next(k for k, op in enumerate(looping) if op.startswith("label("))]
    assert any(op.startswith("guard_type(o0,") for op in before), looping  # the table's type, hoisted by licm


BEST = """
local function smallest(xs, n, best, shift)
  if shift then best = best - 0.5 end
  for i = 1, n do
    if xs[i] < best then best = xs[i] end
  end
  return best
end
local xs, check = {}, 0
for i = 1, 30 do xs[i] = (i * 13 % 17) + 0.25 end
for round = 1, 200 do check = check + smallest(xs, round % 29, 99.5 - round % 7, round > 60 and round % 2 == 0) end
print(check)
"""


def test_a_side_trace_that_reaches_the_loop_from_before_it_joins_the_loop_of_its_tree(tmp_path):
    # the side trace of the `shift` test still holds `best` boxed; the looping trace carries it as a float
    script = tmp_path / "best.lua"
    script.write_text(BEST)
    got = traces(ir_under_jit0(script))
    looping = [ops for kind, ops, _ in got if kind == "side" and any(op.startswith("label(") for op in ops)]
    assert len(looping) == 1, len(looping)


NESTED = """
local function pairs_below(n)
  local count = 0
  for i = 1, n do
    for j = i + 1, n do
      if (i + j) % 3 == 0 then count = count + 1 end
    end
  end
  return count
end
local check = 0
for round = 1, 300 do check = check + pairs_below(round % 9) end
print(check)
"""


def test_nested_loops_run_through_the_outer_loops_trace_that_stops_at_the_inner_one(tmp_path):
    # the outer loop's trace stops where the inner loop starts; the inner loop's exit, back at the outer loop start,
    # jumps into that trace again (before, it stopped there too, and a new copy of the outer loop grew after it)
    script = tmp_path / "nested.lua"
    script.write_text(NESTED)
    ir = ir_under_jit0(script)
    looping = {int(re.search(r"\(trace (\d+)\)", text).group(1)): "label(" in text
               for text in ir.split("--- Begin")[1:]}
    targets = []
    for kind, ops, consts in traces(ir):
        if kind == "side" and ops[-1].startswith(("jump_trace(", "jump_loop(")):
            target = consts[re.match(r"jump_\w+\((\$k\d+)", ops[-1]).group(1)]
            targets.append(int(re.search(r"Trace (\d+) ", target).group(1)))
    assert any(not looping[t] for t in targets), targets  # one goes back into the outer loop's trace
