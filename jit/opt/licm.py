"""Loop-invariant code motion: our form of loop peeling. Pure ops, loads and guards of the loop body whose arguments
do not change from one iteration to the next run once, before the label, instead of in every iteration.

A load moves only when no store in the loop may change what it reads (and, unless it reads a register file, when
the loop calls nothing). A guard that moves out takes the snapshot of the guards already before the label: the state
at the trace's entry, where nothing has happened yet, so leaving there is always correct. A trace with no guard
before its label keeps its body as it is.
"""

from __future__ import annotations

from jit.opt.memory import LOADS, STORES, clobbers, load_kind, store_kind, survives_call


def licm(ir):
    label = ir.label_index()
    if label is None:
        return ir
    pre, body = ir.ops[:label], ir.ops[label + 1:]
    entry = next((op.snapshot for op in reversed(pre) if op.snapshot is not None), ir.entry)
    if entry is None:
        return ir
    label_op = ir.ops[label]
    phis = {id(a) for a in label_op.args}
    stores = [store_kind(op) for op in body if op.opdef.name in STORES]
    calls = any(op.opdef.calls_out for op in body)
    invariant = {id(v) for v in ir.inputs if id(v) not in phis}
    invariant.update(id(op) for op in pre if id(op) not in phis)
    hoisted, kept = [], []
    for op in body:
        if _movable(op, stores, calls) and all(a.is_const() or id(a) in invariant for a in op.args):
            if op.opdef.is_guard:
                op.snapshot = entry
            hoisted.append(op)
            invariant.add(id(op))
        else:
            kept.append(op)
    if not hoisted:
        return ir
    ir.ops = pre + hoisted + [label_op] + kept
    return ir


def _movable(op, stores, calls) -> bool:
    d = op.opdef
    if d.is_guard:
        return True
    if d.name in LOADS:
        kind = load_kind(op)
        return not any(clobbers(s, kind) for s in stores) and (survives_call(kind) or not calls)
    return d.is_pure and d.name not in ("label", "jump")
