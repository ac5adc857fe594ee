"""Number stores: a store of a freshly boxed float or int into a list item, a register or a dict value becomes a
store of the machine value (list_setitem_float / _int, setreg_float / _int, dict_set_float / _int: a side trace that
hands a loop counter back to the interpreter need not allocate it), which the backend may turn into an overwrite of
the old number object when nothing but the container refers to it - no allocation, no deallocation. The box, if
nothing else needs it, is then dead (cse has already given loads of the stored box the machine value).

A dict number store that follows a read (dict_get, dict_slot_value) of the same dict and key, with no store or
call in between that may change that item, is given the read's result as what the item holds
(`a.vx = a.vx - dx * bm`): the backend overwrites that object, when it may, without looking the key up again.
"""

from __future__ import annotations

from jit.ir import Op, make_op
from jit.opt.memory import DICT_READ_KEY, STORES, KnownMemory, load_kind, store_kind
from jit.opt.rewrite import Rewriter, value_key

# (store, box) -> the store of the machine value
_NUMBER_STORE = {
    ("list_setitem", "box_float"): "list_setitem_float", ("list_setitem", "box_int"): "list_setitem_int",
    ("setreg", "box_float"): "setreg_float", ("setreg", "box_int"): "setreg_int",
    ("dict_set", "box_float"): "dict_set_float", ("dict_set", "box_int"): "dict_set_int",
}
_DICT_NUMBER_STORES = ("dict_set_float", "dict_set_int")


def number_stores(ir):
    rw = Rewriter(ir)
    loaded = KnownMemory()  # (dict, key) -> (memory kind, the read of the item)
    for op in ir.ops:
        rw.rename(op)
        name = op.opdef.name
        if name == "label":
            loaded.clear()  # the loop body may run after any iteration's stores
        elif name in DICT_READ_KEY:
            loaded.put((value_key(op.args[0]), value_key(op.args[DICT_READ_KEY[name]])), load_kind(op), op)
        elif op.opdef.calls_out:
            loaded.clear()
        if name not in STORES:
            rw.keep(op)
            continue
        store = op
        if name in ("list_setitem", "setreg", "dict_set"):
            box = op.args[2]
            # label arguments denote phis after the label: only a box op itself says what it holds
            if isinstance(box, Op) and id(box) not in rw.label_args:
                number_store = _NUMBER_STORE.get((name, box.opdef.name))
                if number_store is not None:  # keeping what the store knows the item holds
                    store = make_op(number_store, [op.args[0], op.args[1], box.args[0], *op.args[3:]], op.pos,
                                    op.snapshot)
        if store.opdef.name in _DICT_NUMBER_STORES and len(store.args) == 3:
            hit = loaded.get((value_key(store.args[0]), value_key(store.args[1])))
            if hit is not None:
                store.args = [*store.args, hit[1]]
        kind = store_kind(op)
        loaded.store(kind)
        rw.keep(store)
    return rw.result()
