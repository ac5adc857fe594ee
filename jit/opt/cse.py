"""Common-subexpression elimination and redundant guard elimination.

A pure op computed again with the same arguments reuses the first result; a guard already checked on the same
values (the same type, the same identity, the same condition) is dropped. Facts established before the loop's
label stay valid inside the loop for loop-invariant values; facts about label arguments do not (they are
different values in each iteration).
"""

from __future__ import annotations

from jit.opt.rewrite import Rewriter, op_key

_GUARDS = {"guard_true", "guard_false", "guard_type", "guard_is", "guard_is_not"}


def cse(ir):
    rw = Rewriter(ir)
    seen: dict = {}
    for op in ir.ops:
        rw.rename(op)
        name = op.opdef.name
        if name == "label":
            phis = {("v", a) for a in rw.label_args}
            seen = {k: v for k, v in seen.items() if not phis.intersection(k[1:])}
            rw.keep(op)
            continue
        if op.opdef.is_pure or name in _GUARDS:
            key = op_key(op)
            prior = seen.get(key)
            if prior is not None:
                if name in _GUARDS or rw.replace(op, prior):
                    continue
            seen[key] = op
        rw.keep(op)
    return rw.result()
