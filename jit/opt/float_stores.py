"""Float stores: a store of a freshly boxed float into a list item or dict value becomes a store of the machine
value (list_setitem_float / dict_set_float), which the backend may turn into an overwrite of the old float object
when nothing but the container refers to it - no allocation, no deallocation. The box, if nothing else needs it,
is then dead (cse has already given loads of the stored box the machine value).
"""

from __future__ import annotations

from jit.ir import Op, make_op
from jit.opt.rewrite import Rewriter

_FLOAT_STORE = {"list_setitem": "list_setitem_float", "dict_set": "dict_set_float"}


def _boxed_float(rw, v):
    """The float machine value that `v` boxes, or None (label arguments denote phis after the label: left alone)."""
    if isinstance(v, Op) and v.opdef.name == "box_float" and id(v) not in rw.label_args:
        return v.args[0]
    return None


def float_stores(ir):
    rw = Rewriter(ir)
    for op in ir.ops:
        rw.rename(op)
        name = op.opdef.name
        if name in _FLOAT_STORE:
            f = _boxed_float(rw, op.args[2])
            if f is not None:
                rw.keep(make_op(_FLOAT_STORE[name], [op.args[0], op.args[1], f], op.pos, op.snapshot))
                continue
        rw.keep(op)
    return rw.result()
