"""Borrowed loads (jit/backend/llvm/ownership.py): a value read from a container that nothing in the trace can make
drop it is used without a reference of its own, and an exit that hands it on takes one."""

import sys

from backend_util import compile_text

from jit.backend.llvm.ownership import borrowed_loads
from jit.ir.parser import parse_trace


def loads_borrowed(text, rooted=True):
    ir = parse_trace(text)
    names = {id(op): f"v{k}" for k, op in enumerate(ir.ops)}
    label = ir.label_index()
    return sorted(names[i] for i in borrowed_loads(ir, label, rooted))


# registers: 0 holds a list whose item 0 is checked; register 1 is a counter
CHECK_ITEM = """inputs(o0)
o1 = getreg(o0, 0)
o2 = list_getitem(o1, 0)
guard_is(o2, $None) {$None@1: o0}
o3 = getreg(o0, 1)
i4 = unbox_int(o3)
i5 = int_add(i4, 1)
o6 = box_int(i5)
setreg(o0, 1, o6)
finish() {$None@2: o0, o3}"""


def test_loads_that_nothing_can_release_are_borrowed_and_one_overwritten_later_is_not():
    # the list and its item are; register 1's old value is still needed after the store that releases it
    assert loads_borrowed(CHECK_ITEM) == ["v0", "v1"]
    assert loads_borrowed(CHECK_ITEM.replace("{$None@2: o0, o3}", "{$None@2: o0}")) == ["v0", "v1", "v3"]


def test_a_side_trace_does_not_borrow_from_its_inputs():
    """A side trace's inputs may be the only reference to a fresh object: nothing loaded from them is borrowed."""
    assert loads_borrowed(CHECK_ITEM, rooted=False) == []


def test_nothing_is_borrowed_across_a_call_or_a_collecting_allocation():
    with_alloc = CHECK_ITEM.replace("o3 = getreg(o0, 1)", "o9 = new_list(2)\no3 = getreg(o0, 1)")
    with_alloc = with_alloc.replace("guard_is(o2, $None) {$None@1: o0}", "")
    with_alloc = with_alloc.replace("finish() {", "guard_is(o2, $None) {$None@1: o0}\nfinish() {")
    assert "v1" not in loads_borrowed(with_alloc)


def test_a_borrowed_value_handed_to_an_exit_keeps_its_object_alive():
    """The exit tuple owns what it holds: the borrowed list item must have gained a reference there."""
    text = """inputs(o0)
o1 = getreg(o0, 0)
o2 = list_getitem(o1, 0)
guard_is(o2, $None) {$None@1: o0, o2}
finish() {$None@2: o0}"""
    trace = compile_text(text, "llvm")
    assert "jit_incref" not in trace.code.text.split("define ptr @trace_")[1].split("fail")[0]
    item = object()
    regs = [[item]]
    before = sys.getrefcount(item)
    out = trace.entry(regs)
    assert out[2] is item  # the guard failed and handed the item on
    assert sys.getrefcount(item) == before + 1  # held by the exit tuple: a reference of its own
    del out
    assert sys.getrefcount(item) == before


def test_an_input_that_no_op_uses_is_released():
    """Inputs arrive owned. A side trace often gets values from its parent's exit that it never uses: it releases
    them on entry (they used to stay referenced for ever: a register list, and what it held, per run; the Lua side
    is lua_tests/jit/side_trace_exits_free_what_they_hold.lua)."""
    text = """trace 2 side loc=side
inputs(o0, o1, i2)
b3 = int_lt(i2, 10)
guard_true(b3) {$None@1: o0}
finish() {$None@2: o0}"""
    code = compile_text(text, "llvm").code.text.split("define ptr @trace_")[1]
    entry = code.split("\nok1:")[0]
    assert "call void @jit_decref(ptr %in1)" in entry
    assert "%in0)" not in entry  # the one the exit hands on is kept
