"""Load/store forwarding: a load of memory the trace has just read or written, with no store or call in between
that may change it, reuses the value it read or stored (register files, slots of objects, list items, dict items).
"""

from __future__ import annotations

from jit.opt.memory import LOADS, STORES, clobbers, load_kind, store_kind, survives_call
from jit.opt.rewrite import Rewriter, value_key

_STORE_AS_LOAD = {"setslot": "getslot", "setreg": "getreg", "list_setitem": "list_getitem", "dict_set": "dict_get"}


def forward(ir):
    rw = Rewriter(ir)
    known: dict = {}  # (load name, *arg keys) -> (memory kind, value)
    for op in ir.ops:
        rw.rename(op)
        name = op.opdef.name
        if name == "label":
            known.clear()  # the loop body may run after any iteration's stores: start afresh
        elif name in LOADS:
            key = (name, *(value_key(a) for a in op.args))
            hit = known.get(key)
            if hit is not None and rw.replace(op, hit[1]):
                continue
            known[key] = (load_kind(op), op)
        elif name in STORES:
            kind = store_kind(op)
            known = {k: kv for k, kv in known.items() if not clobbers(kind, kv[0])}
            if name in _STORE_AS_LOAD:
                load = _STORE_AS_LOAD[name]
                known[(load, *(value_key(a) for a in op.args[:2]))] = (kind, op.args[2])
        elif op.opdef.calls_out:
            known = {k: kv for k, kv in known.items() if survives_call(kv[0])}
        rw.keep(op)
    return rw.result()
