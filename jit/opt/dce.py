"""Dead-code elimination: ops without side effects (pure ops and loads) whose results nothing uses - no op, no
snapshot, no label or jump - are removed, last first, so that chains of dead ops go at once."""

from __future__ import annotations

from jit.opt.memory import LOADS


def dce(ir):
    used: set[int] = set()
    keep = []
    for op in reversed(ir.ops):
        d = op.opdef
        if (d.is_pure or d.name in LOADS) and op.type != "v" and id(op) not in used:
            continue
        keep.append(op)
        used.update(id(a) for a in op.args)
        if op.snapshot is not None:
            used.update(op.snapshot.value_ids())
    keep.reverse()
    return ir.with_ops(keep)
