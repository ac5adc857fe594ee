"""Common-subexpression elimination and redundant guard elimination.

A pure op computed again with the same arguments reuses the first result; a guard already checked on the same
values (the same type, the same identity, the same condition) is dropped. A box is a fact too: the type of
box_int(i) / box_float(f) is known, and unboxing it gives back i / f (the loads that forwarding replaced by a stored
box need neither guard nor unbox). Facts established before the loop's
label stay valid inside the loop for loop-invariant values; facts about label arguments do not (they are
different values in each iteration). A value whose type a guard or a box has established is not guarded against
being an object of another type (guard_is_not(x, None) after guard_type(x, float) holds).
"""

from __future__ import annotations

from jit.ir import const_obj
from jit.opt.rewrite import Rewriter, op_key, value_key

_GUARDS = {"guard_true", "guard_false", "guard_type", "guard_is", "guard_is_not"}
# box op -> (its unbox op, the key of its type constant)
_BOXES = {"box_int": ("unbox_int", value_key(const_obj(int))),
          "box_float": ("unbox_float", value_key(const_obj(float)))}


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
        if name == "guard_is_not" and op.args[1].is_const():
            known = seen.get(("type", value_key(op.args[0])))
            if known is not None and type(op.args[1].value) is not known:
                continue
        if op.opdef.is_pure or name in _GUARDS:
            key = op_key(op)
            prior = seen.get(key)
            if prior is not None:
                if name in _GUARDS or rw.replace(op, prior):
                    continue
            seen[key] = op
            if name == "guard_type" and op.args[1].is_const():
                seen[("type", value_key(op.args[0]))] = op.args[1].value
            if name in _BOXES:
                unbox, type_key = _BOXES[name]
                seen[("guard_type", value_key(op), type_key)] = op
                seen[(unbox, value_key(op))] = op.args[0]
                seen[("type", value_key(op))] = int if name == "box_int" else float
        rw.keep(op)
    return rw.result()
