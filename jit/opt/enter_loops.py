"""A trace that ends by jumping into a loop trace runs a copy of that trace's preamble and jumps straight into its
loop (jit/ir/loop_entry.py). The version is a copy: the optimiser runs the passes on both and keeps this one only
when the passes removed every exit of the copied preamble."""

from __future__ import annotations

from jit.ir import TraceIR
from jit.ir.loop_entry import enter_loop


def enter_loops(ir):
    """The loop-entering version of `ir`, or None when `ir` does not end by jumping into a loop trace that can be
    entered past its preamble."""
    last = ir.ops[-1]
    if last.opdef.name != "jump_trace" or getattr(last.args[0].value, "loop_entry", None) is None:
        return None
    return TraceIR(ir.trid, ir.inputs, enter_loop(ir.ops, last.args[0].value), ir.kind, ir.loc)
