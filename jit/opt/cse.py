"""Common-subexpression elimination and redundant guard elimination.

A pure op computed again with the same arguments reuses the first result; a guard already checked on the same
values (the same type, the same identity, the same condition) is dropped. A box is a fact too: the type of
box_int(i) / box_float(f) is known, and unboxing it gives back i / f (the loads that forwarding replaced by a stored
box need neither guard nor unbox). Facts established before the loop's
label stay valid inside the loop for loop-invariant values; facts about label arguments do not (they are
different values in each iteration). A value whose type a guard or a box has established is not guarded against
being an object of another type (guard_is_not(x, None) after guard_type(x, float) holds).

Types are tracked through dicts too: once a value read from dict d under constant key k has been guarded (or a
value of known type stored there), a later read of d[k] has that type, until a store under a key equal to k
(into any dict: it may be d) stores something of another or unknown type, or a call runs. A dict_slot_value read
has it only once a guard has ruled out None (which it gives when the key is missing). (An n-body
step reads each field of each body several times, storing floats in between: one type guard per body and field is
enough.)
"""

from __future__ import annotations

from jit.ir import const_obj
from jit.opt.fold import holds_on_constants, unboxed_constant
from jit.opt.memory import DICT_READ_KEY
from jit.opt.rewrite import Rewriter, op_key, value_key

_GUARDS = {"guard_true", "guard_false", "guard_type", "guard_is", "guard_is_not"}
_FACTS = {"assume_type": "guard_type", "assume_is": "guard_is"}  # a fact -> the guard it makes redundant
_DICT_STORES = {"dict_set": None, "dict_set_float": float, "dict_set_int": int}  # store -> type it stores
# box op -> (its unbox op, the key of its type constant)
_BOXES = {"box_int": ("unbox_int", value_key(const_obj(int))),
          "box_float": ("unbox_float", value_key(const_obj(float)))}


def _stored_type(op, seen):
    """The type of the value that dict store `op` stores, when known."""
    fixed = _DICT_STORES[op.opdef.name]
    if fixed is not None:
        return fixed
    v = op.args[2]
    return type(v.value) if v.is_const() else seen.get(("type", value_key(v)))


def _track_dict_store(op, seen, heap):
    key = op.args[1]
    if not key.is_const():
        heap.clear()
        return
    stored = _stored_type(op, seen)
    for cell in [c for c, t in heap.items() if c[1] == key.value and t is not stored]:
        del heap[cell]
    if stored is not None:
        heap[(value_key(op.args[0]), key.value)] = stored


def cse(ir):
    rw = Rewriter(ir)
    seen: dict = {}
    heap: dict = {}  # (dict value key, constant key) -> the type of what the dict holds there
    loaded: dict = {}  # id of a dict read under a constant key -> its (dict value key, constant key)
    for op in ir.ops:
        rw.rename(op)
        name = op.opdef.name
        if name == "label":
            phis = {("v", a) for a in rw.label_args}
            seen = {k: v for k, v in seen.items() if not phis.intersection(k[1:])}
            heap.clear()
            rw.keep(op)
            continue
        if holds_on_constants(op):  # forwarding has turned loads into the constants the trace stored
            continue
        if name in _FACTS:  # known without a check: the guard it stands for is redundant from here on
            guard = _FACTS[name]
            seen[(guard, *(value_key(a) for a in op.args))] = op
            if guard == "guard_type" and op.args[1].is_const():
                seen[("type", value_key(op.args[0]))] = op.args[1].value
            continue
        unboxed = unboxed_constant(op)
        if unboxed is not None and rw.replace(op, unboxed):
            continue
        if op.opdef.calls_out:
            heap.clear()
        elif name in _DICT_STORES:
            _track_dict_store(op, seen, heap)
        elif name in DICT_READ_KEY and op.args[DICT_READ_KEY[name]].is_const():
            cell = loaded[id(op)] = (value_key(op.args[0]), op.args[DICT_READ_KEY[name]].value)
            if cell in heap:  # a slot read gives None when the key is elsewhere: its type holds once that is ruled out
                fact = "type" if name == "dict_get" else "type_unless_none"
                seen[(fact, value_key(op))] = heap[cell]
        if name == "guard_is_not" and op.args[1].is_const():
            known = seen.get(("type", value_key(op.args[0])))
            if known is not None and type(op.args[1].value) is not known:
                continue
        if name == "guard_type" and op.args[1].is_const():
            if seen.get(("type", value_key(op.args[0]))) is op.args[1].value:
                continue
            cell = loaded.get(id(op.args[0]))
            if cell is not None:
                heap[cell] = op.args[1].value
        if op.opdef.is_pure or name in _GUARDS:
            key = op_key(op)
            prior = seen.get(key)
            if prior is not None:
                if name in _GUARDS or rw.replace(op, prior):
                    continue
            seen[key] = op
            if name == "guard_type" and op.args[1].is_const():
                seen[("type", value_key(op.args[0]))] = op.args[1].value
            if name == "guard_is_not" and op.args[1].is_const() and op.args[1].value is None:
                unless_none = seen.get(("type_unless_none", value_key(op.args[0])))
                if unless_none is not None:
                    seen[("type", value_key(op.args[0]))] = unless_none
            if name in _BOXES:
                unbox, type_key = _BOXES[name]
                seen[("guard_type", value_key(op), type_key)] = op
                seen[(unbox, value_key(op))] = op.args[0]
                seen[("type", value_key(op))] = int if name == "box_int" else float
        rw.keep(op)
    return rw.result()
