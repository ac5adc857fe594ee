"""Load/store forwarding: a load of memory the trace has just read or written, with no store or call in between
that may change it, reuses the value it read or stored (register files, slots of objects, list items, dict items).
What a store of a machine number (number_stores) leaves there is that number boxed: a load of it is given a box op,
made where the load was (the passes also run over their own output: jit/opt/__init__.py).
"""

from __future__ import annotations

from jit.ir import make_op
from jit.opt.memory import LOADS, STORES, KnownMemory, load_kind, store_kind
from jit.opt.rewrite import Rewriter, value_key

_STORE_AS_LOAD = {"setslot": "getslot", "setreg": "getreg", "list_setitem": "list_getitem", "dict_set": "dict_get"}
# a store of a machine number -> (the load it answers, the box op that makes its value the loaded object)
_NUMBER_STORE_AS_LOAD = {
    "setreg_int": ("getreg", "box_int"), "setreg_float": ("getreg", "box_float"),
    "list_setitem_int": ("list_getitem", "box_int"), "list_setitem_float": ("list_getitem", "box_float"),
    "dict_set_int": ("dict_get", "box_int"), "dict_set_float": ("dict_get", "box_float"),
}


def forward(ir):
    rw = Rewriter(ir)
    known = KnownMemory()  # (load name, *arg keys) -> (memory kind, value)
    for op in ir.ops:
        rw.rename(op)
        name = op.opdef.name
        if name == "label":
            known.clear()  # the loop body may run after any iteration's stores: start afresh
        elif name in LOADS:
            key = (name, *(value_key(a) for a in op.args))
            hit = known.get(key)
            if hit is not None:
                value = hit[1]
                if isinstance(value, tuple):  # (box op name, machine number): box it here
                    value = make_op(value[0], [value[1]], op.pos)
                    known.put(key, hit[0], value)
                    rw.keep(value)
                if rw.replace(op, value):
                    continue
            known.put(key, load_kind(op), op)
        elif name in STORES:
            kind = store_kind(op)
            known.store(kind)
            if name in _STORE_AS_LOAD:
                load = _STORE_AS_LOAD[name]
                known.put((load, *(value_key(a) for a in op.args[:2])), kind, op.args[2])
            elif name in _NUMBER_STORE_AS_LOAD:
                load, box = _NUMBER_STORE_AS_LOAD[name]
                known.put((load, *(value_key(a) for a in op.args[:2])), kind, (box, op.args[2]))
        elif op.opdef.calls_out:
            known.call()
        rw.keep(op)
    return rw.result()
