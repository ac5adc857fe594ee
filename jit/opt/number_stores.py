"""Number stores: a store of a freshly boxed float or int into a list item or dict value becomes a store of the
machine value (list_setitem_float / _int, dict_set_float / _int), which the backend may turn into an overwrite of
the old number object when nothing but the container refers to it - no allocation, no deallocation. The box, if
nothing else needs it, is then dead (cse has already given loads of the stored box the machine value).
"""

from __future__ import annotations

from jit.ir import Op, make_op
from jit.opt.rewrite import Rewriter

# (store, box) -> the store of the machine value
_NUMBER_STORE = {
    ("list_setitem", "box_float"): "list_setitem_float", ("list_setitem", "box_int"): "list_setitem_int",
    ("dict_set", "box_float"): "dict_set_float", ("dict_set", "box_int"): "dict_set_int",
}


def number_stores(ir):
    rw = Rewriter(ir)
    for op in ir.ops:
        rw.rename(op)
        name = op.opdef.name
        if name in ("list_setitem", "dict_set"):
            box = op.args[2]
            # label arguments denote phis after the label: only a box op itself says what it holds
            if isinstance(box, Op) and id(box) not in rw.label_args:
                store = _NUMBER_STORE.get((name, box.opdef.name))
                if store is not None:
                    rw.keep(make_op(store, [op.args[0], op.args[1], box.args[0]], op.pos, op.snapshot))
                    continue
        rw.keep(op)
    return rw.result()
