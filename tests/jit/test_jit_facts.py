"""What a side trace knows at its start about its parent loop's register file (jit/ir/facts.py)."""

from jit.ir.facts import register_facts
from jit.ir.parser import parse_trace
from jit.trace import Trace

# registers 0, 1 and 2 of input 0's register file (its slot 48) are guarded in the preamble; the loop writes 1
LOOP = """inputs(o0)
o1 = getslot(o0, 48)
o2 = getreg(o1, 0)
guard_type(o2, $int) {$None@0: o0}
o3 = getreg(o1, 1)
guard_type(o3, $float) {$None@1: o0}
o4 = getreg(o1, 2)
guard_is(o4, $None) {$None@2: o0}
i5 = unbox_int(o2)
label(i5)
b6 = int_lt(i5, 10)
guard_true(b6) {$None@3: o0}
setreg(o1, 1, $half)
guard_true(b6) {$None@4: o0 | o1[0]=i5}
i7 = int_add(i5, 1)
jump(i7)"""

# a side trace from the first exit in the loop: it writes register 2 before its own exit
SIDE = """inputs(o0)
o1 = getslot(o0, 48)
setreg(o1, 2, $half)
guard_true(1) {$None@5: o0}
finish() {$None@6: o0}"""


def test_a_loop_exit_knows_the_preamble_types_of_registers_the_loop_never_writes():
    loop = Trace(parse_trace(LOOP, {"half": 0.5}))
    before, _, _, in_loop, with_write = loop.exits
    assert register_facts(before) == {}  # an exit in the preamble: nothing guarded yet
    assert register_facts(in_loop) == {(48, 0): ("type", int), (48, 2): ("is", None)}
    assert register_facts(with_write) == {(48, 2): ("is", None)}  # the exit itself stores register 0


def test_a_side_trace_exit_knows_its_parents_facts_less_what_it_writes():
    loop = Trace(parse_trace(LOOP, {"half": 0.5}))
    side = Trace(parse_trace(SIDE, {"half": 0.5}), parent=loop.exits[3])
    assert register_facts(side.exits[0]) == {(48, 0): ("type", int)}


def test_function_traces_have_no_register_facts():
    ir = parse_trace(LOOP, {"half": 0.5})
    ir.kind = "function"
    assert register_facts(Trace(ir).exits[3]) == {}
