"""Which memory each op reads and writes, for the passes that move or remove loads (forward.py, licm.py).

Memory kinds: ("slot", offset) for getslot/setslot, ("reg", index) for register files, "list_item" and "list_len"
for list items and lengths (storing an item keeps the length; appending changes both), "dict" for dict items and
lengths. Register files are never written by calls (the language promises it,
see opdefs.py); everything else may be.
"""

from __future__ import annotations

LOADS = {"getslot", "getreg", "list_getitem", "list_len", "dict_get", "dict_len"}
STORES = {"setslot", "setreg", "list_setitem", "list_setitem_float", "list_setitem_int", "list_append", "dict_set",
          "dict_set_float", "dict_set_int"}


def load_kind(op):
    name = op.opdef.name
    if name == "getslot":
        return ("slot", op.args[1].value)
    if name == "getreg":
        return ("reg", op.args[1].value if op.args[1].is_const() else None)
    if name == "list_getitem":
        return "list_item"
    if name == "list_len":
        return "list_len"
    return "dict"


def store_kind(op):
    name = op.opdef.name
    if name == "setslot":
        return ("slot", op.args[1].value)
    if name == "setreg":
        return ("reg", op.args[1].value if op.args[1].is_const() else None)
    if name in ("list_setitem", "list_setitem_float", "list_setitem_int"):
        return "list_item"
    if name == "list_append":
        return "list_append"
    return "dict"


def clobbers(kind_written, kind_read) -> bool:
    """Whether a store of one kind may change what a load of the other kind reads."""
    if kind_written == kind_read:
        return True
    if kind_written == "list_append":
        return kind_read in ("list_item", "list_len")
    if isinstance(kind_written, tuple) and isinstance(kind_read, tuple) and kind_written[0] == kind_read[0] == "reg":
        return kind_written[1] is None or kind_read[1] is None
    return False


def survives_call(kind) -> bool:
    return isinstance(kind, tuple) and kind[0] == "reg"
