"""Entering a loop trace past its preamble (jit/ir/loop_entry.py): the values its loop uses from before its label,
the optimiser's choice between jump_loop and jump_trace, and native runs of both ways in."""

import sys

from backend_util import BACKENDS

from jit.ir.loop_entry import loop_entry_values
from jit.ir.parser import parse_trace
from jit.ir.verify import verify
from jit.opt import optimise
from jit.trace import Trace

LOOP = """inputs(o0)
o1 = getreg(o0, 0)
guard_type(o1, $int) {$None@0: o0}
i2 = unbox_int(o1)
o3 = getreg(o0, 1)
i4 = list_len(o3)
f5 = int_to_float(i4)
label(o0, i2)
b6 = int_lt(i2, i4)
guard_true(b6) {$None@1: o0, i2, f5}
o7 = list_getitem(o3, i2)
setreg(o0, 2, o7)
i8 = int_add(i2, 1)
jump(o0, i8)"""

# stores an int in register 0 (so the loop's type guard on it is known to hold) and jumps into the loop
STORES_THEN_JUMPS = """trace 2 root loc=jumper
inputs(o0)
i1 = int_add(2, 3)
o2 = box_int(i1)
setreg(o0, 0, o2)
jump_trace($loop, o0)"""

# jumps without storing: the loop's guard on register 0 stays, so the jump stays a jump_trace
JUST_JUMPS = """trace 3 root loc=jumper
inputs(o0)
jump_trace($loop, o0)"""


def compile_loop():
    loop = Trace(parse_trace(LOOP))
    BACKENDS["llvm"].compile(loop)
    return loop


def compile_jumper(text, loop):
    ir = optimise(parse_trace(text, {"loop": loop}))
    verify(ir)
    trace = Trace(ir)
    BACKENDS["llvm"].compile(trace)
    return trace


def test_entry_values_are_label_arguments_then_invariants_in_order_of_use():
    ir = parse_trace(LOOP)
    values = loop_entry_values(ir)
    by_name = {id(op): f"v{k}" for k, op in enumerate(ir.ops)}
    by_name[id(ir.inputs[0])] = "o0"
    # o0 and i2 by label position; then the invariants as the loop first uses them: i4 (int_lt), f5 (the guard's
    # snapshot), o3 (list_getitem)
    assert [by_name[id(v)] for v in values] == ["o0", "v2", "v4", "v5", "v3"]
    assert loop_entry_values(parse_trace(JUST_JUMPS.replace("$loop", "$None"), {})) is None


def test_a_jump_that_makes_the_preamble_guards_redundant_enters_the_loop():
    loop = compile_loop()
    assert loop.loop_entry is not None
    jumper = compile_jumper(STORES_THEN_JUMPS, loop)
    assert jumper.ir.ops[-1].opdef.name == "jump_loop"
    assert not [op for op in jumper.ir.ops if op.opdef.is_guard]
    items = ["".join(("item", str(k))) for k in range(7)]  # objects of this test alone: their counts are its own
    regs = [0, items, None]
    before = sys.getrefcount(items), [sys.getrefcount(x) for x in items]
    for _ in range(3):
        regs[0] = 0
        r = jumper.entry(regs)
        assert r[0] is loop.exits[1] and r[1:] == (regs, 7, 7.0) and regs[0] == 5 and regs[2] is items[6]
    regs[2] = None
    assert (sys.getrefcount(items), [sys.getrefcount(x) for x in items]) == before
    # the loop's own entry still runs its preamble
    regs = [2.5, items, None]
    assert loop.entry(regs)[0] is loop.exits[0]


def test_a_jump_that_leaves_a_preamble_guard_stays_a_jump_trace():
    loop = compile_loop()
    jumper = compile_jumper(JUST_JUMPS, loop)
    assert jumper.ir.ops[-1].opdef.name == "jump_trace"
    regs = [4, ["a", "b", "c", "d", "e", "f"], None]
    r = jumper.entry(regs)
    assert r[0] is loop.exits[1] and r[2] == 6 and regs[2] == "f"


# a loop that keeps register 0 in a machine register and writes it back only at its exit (a snapshot write)
WRITES_AT_EXIT = """inputs(o0)
o1 = getreg(o0, 0)
guard_type(o1, $int) {$None@0: o0}
i2 = unbox_int(o1)
label(o0, i2)
b3 = int_lt(i2, 10)
guard_true(b3) {$None@1: o0 | o0[0]=i2}
i4 = int_add(i2, 1)
jump(o0, i4)"""


def test_a_jump_into_a_loop_skips_stores_that_every_exit_of_the_loop_writes():
    loop = Trace(parse_trace(WRITES_AT_EXIT))
    BACKENDS["llvm"].compile(loop)
    jumper = compile_jumper(STORES_THEN_JUMPS, loop)
    names = [op.opdef.name for op in jumper.ir.ops]
    assert names[-1] == "jump_loop" and not {"setreg", "setreg_int"} & set(names) and "box_int" not in names
    regs = [0, None, None]
    r = jumper.entry(regs)
    # register 0 was never stored: the exit carries its value (5 counted up to 10) as a pending write
    assert r[0] is loop.exits[1] and r[1:] == (regs, 10) and regs[0] == 0


def test_a_jump_into_a_loop_keeps_stores_of_registers_the_loop_reads():
    reads = WRITES_AT_EXIT.replace("i4 = int_add(i2, 1)", "o5 = getreg(o0, 0)\ni4 = int_add(i2, 1)")
    loop = Trace(parse_trace(reads))
    BACKENDS["llvm"].compile(loop)
    jumper = compile_jumper(STORES_THEN_JUMPS, loop)
    assert "setreg_int" in [op.opdef.name for op in jumper.ir.ops]  # the machine int (the old object may be reused)


# knows register 0's type from its start (a fact, as a side trace at an exit of a loop that never writes it has)
KNOWS_THEN_JUMPS = """trace 4 root loc=jumper
inputs(o0)
o1 = getreg(o0, 0)
assume_type(o1, $int)
o2 = getreg(o0, 3)
setreg(o0, 2, o2)
jump_trace($loop, o0)"""


def test_what_a_trace_knows_from_its_start_makes_the_preamble_guards_redundant():
    """The loop-entering version is built from the optimised trace, where cse has dropped the facts: they are put
    back first (fact_prologue), so the copied preamble's guard on register 0 still goes."""
    loop = compile_loop()
    ir = optimise(parse_trace(KNOWS_THEN_JUMPS, {"loop": loop, "int": int}))
    assert ir.ops[-1].opdef.name == "jump_loop" and not [op for op in ir.ops if op.opdef.is_guard]
    assert not [op for op in ir.ops if op.opdef.name.startswith("assume")]
    verify(ir)
    jumper = Trace(ir)
    BACKENDS["llvm"].compile(jumper)
    regs = [3, ["a", "b", "c", "d", "e"], None, "x"]
    r = jumper.entry(regs)
    assert r[0] is loop.exits[1] and r[2] == 5 and regs[2] == "e"
