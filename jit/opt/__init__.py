"""The trace optimiser: a pipeline of passes, one per file, each a function TraceIR -> TraceIR.

PIPELINE names the passes in order; YK_OPT=0 skips them all.
"""

from __future__ import annotations

PIPELINE: list = []


def optimise(ir):
    for opt_pass in PIPELINE:
        ir = opt_pass(ir)
    return ir
