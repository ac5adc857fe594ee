"""What a side trace may know at its start about the register file its parent's loop runs on.

A loop trace's preamble loads registers of its input's register file and guards their types once, before the loop.
A register that nothing in the loop writes still holds a value of that type at every exit of the loop, so a side
trace that starts at such an exit need not guard it again; and when the side trace ends by entering that loop past
its preamble (jit/ir/loop_entry.py), the copy of the preamble's guard is redundant and the optimiser drops it, which
is what lets the side trace enter the loop at all (a preamble guard that survives makes the optimiser keep the plain
jump into the trace, which runs the whole preamble again on every pass through the side trace).

The facts of an exit of a side trace are those of its own parent exit less the registers it writes. Function
traces (whose registers live in SSA values) and exits before a loop's label have none. The language tells the
recorder what the facts mean: here they are (slot, register) -> fact, for the registers of
getreg(getslot(input 0, slot), register), where a fact is ("type", t) (guard_type) or ("is", constant) (guard_is).
"""

from __future__ import annotations

_WRITES = {"setreg", "setreg_int", "setreg_float"}


def register_facts(ex) -> dict:
    """The facts (see above) that hold when the trace leaves at TraceExit `ex`."""
    trace = ex.trace
    if trace is None or trace.root.kind == "function":
        return {}
    ir = trace.ir
    label = ir.label_index()
    if trace.parent is None:
        if label is None:
            return {}
        at = next((k for k, op in enumerate(ir.ops) if op.snapshot is ex.snapshot), None)
        if at is None or at < label:
            return {}
        facts = _preamble_facts(ir, label)
    else:
        facts = dict(register_facts(trace.parent))
        label = 0
    for op in ir.ops[label:]:
        if op.opdef.name in _WRITES:
            index = op.args[1]
            if not index.is_const():
                return {}
            for key in [k for k in facts if k[1] == index.value]:
                del facts[key]
    for _target, index, _value in ex.snapshot.writes:  # stores the exit makes before the interpreter resumes
        for key in [k for k in facts if k[1] == index]:
            del facts[key]
    return facts


def _preamble_facts(ir, label) -> dict:
    """(slot, register) -> fact for the preamble's guards on registers of input 0's register files."""
    input0 = ir.inputs[0] if ir.inputs else None
    facts = {}
    for op in ir.ops[:label]:
        name = op.opdef.name
        if name not in ("guard_type", "guard_is"):
            continue
        load, what = op.args
        if getattr(load, "opdef", None) is None or load.opdef.name != "getreg" or not load.args[1].is_const():
            continue
        regs = load.args[0]
        if getattr(regs, "opdef", None) is None or regs.opdef.name != "getslot" or regs.args[0] is not input0:
            continue
        key = (regs.args[1].value, load.args[1].value)
        facts[key] = ("type" if name == "guard_type" else "is", what.value)
    return facts
