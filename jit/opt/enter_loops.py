"""A trace that ends by jumping into a loop trace runs a copy of that trace's preamble and jumps straight into its
loop (jit/ir/loop_entry.py). The version is a copy of the optimised trace: the optimiser runs the passes again over
it and keeps it only when they removed every exit of the copied preamble.

What the trace knew from its start (its facts: assume_type and assume_is, which cse learns and drops) is gone from
the optimised trace, and the copied preamble's guards need it: the facts and the loads they are about, taken from
the trace before the passes, go first in the copy (`fact_prologue`); the passes merge those loads with the trace's
own and drop what is left unused."""

from __future__ import annotations

from jit.ir.loop_entry import copy_ops, enter_loop
from jit.opt.memory import LOADS

FACTS = frozenset(("assume_type", "assume_is"))


def can_enter(ir) -> bool:
    """Whether `ir` ends by jumping into a loop trace that can be entered past its preamble."""
    last = ir.ops[-1]
    return last.opdef.name == "jump_trace" and getattr(last.args[0].value, "loop_entry", None) is not None


def fact_prologue(ir) -> list:
    """Copies of the facts at the start of `ir` (before its first op that is neither a load, a pure op nor a fact)
    and of the ops they depend on, in order: ops that mean the same anywhere before that first op."""
    start = []
    for op in ir.ops:
        d = op.opdef
        if not (d.name in FACTS or d.name in LOADS or d.is_pure) or op.snapshot is not None:
            break
        start.append(op)
    needed: set[int] = set()
    for op in reversed(start):
        if op.opdef.name in FACTS or id(op) in needed:
            needed.add(id(op))
            needed.update(id(a) for a in op.args)
    return copy_ops([op for op in start if id(op) in needed], {})


def enter_loops(optimised, prologue):
    """The loop-entering version of trace `optimised` (see can_enter), with `prologue` (fact_prologue of the trace
    before the passes) first."""
    target = optimised.ops[-1].args[0].value
    return optimised.with_ops(prologue + enter_loop(optimised.ops, target))
