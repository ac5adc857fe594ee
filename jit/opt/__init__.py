"""The trace optimiser: a pipeline of passes, one per file, each a function TraceIR -> TraceIR.

    enter_loops  a jump into a loop trace runs that trace's preamble here and enters its loop directly (kept when
                 the passes remove every exit of the copied preamble)
    fold     constant folding and strength reduction
    forward  load/store forwarding (register files, object slots, list and dict items)
    cse      common-subexpression elimination and redundant guard elimination
    licm     loop-invariant code motion (invariant guards and loads run once, before the loop)
    number_stores  stores of boxed numbers store the machine value (the backend may reuse the old number object)
    entry_stores   a jump_loop does not store registers that every exit of the target loop writes
    dce      dead-code elimination

Allocation sinking needs no pass of its own: recorders keep numbers unboxed and snapshots box them only on the way
out of a trace, so a box that only an exit needs is never built in the loop, and dce removes the others.
YK_OPT=0 skips the whole pipeline.
"""

from __future__ import annotations

from jit.opt.cse import cse
from jit.opt.dce import dce
from jit.opt.enter_loops import can_enter, enter_loops, fact_prologue
from jit.opt.entry_stores import entry_stores
from jit.opt.number_stores import number_stores
from jit.opt.fold import fold
from jit.opt.forward import forward
from jit.opt.licm import licm

def _run(ir):
    """fold, forward, cse, licm, cse again (only when licm hoisted something: what it moved may repeat what
    stayed; a side trace has no loop, and cse finds nothing new in its own output), number_stores, entry_stores,
    dce."""
    ir = cse(forward(fold(ir)))
    ops = ir.ops
    ir = licm(ir)
    if ir.ops is not ops:
        ir = cse(ir)
    return dce(entry_stores(number_stores(ir)))


def optimise(ir):
    """The optimised trace. One that ends by jumping into a loop trace is also tried in the loop-entering version
    (enter_loops), built from the optimised trace, so that the passes run again only over what they left of it and
    the copied preamble: the version is kept when no exit of the copied preamble survives. (The passes never add
    exits, and a second run over their own output removes none, so "no more exits than the plain version" says
    exactly that.)"""
    if not can_enter(ir):
        return _run(ir)
    prologue = fact_prologue(ir)  # copied before the passes rewrite ir's ops
    plain = _run(ir)
    if not can_enter(plain):
        return plain
    entered = _run(enter_loops(plain, prologue))
    return entered if len(entered.snapshot_ops()) <= len(plain.snapshot_ops()) else plain
