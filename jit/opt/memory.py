"""Which memory each op reads and writes, for the passes that move or remove loads (forward.py, licm.py).

Memory kinds: ("slot", offset, base) for getslot/setslot (base: the id of the object when it is a constant, else
None: slots of two different constant objects never alias), ("reg", index) for register files, "list_item" and
"list_len" for list items and lengths (storing an item keeps the length; appending changes both), ("dict", key) for
dict items, "dict_len" for dict lengths and "dict_keys" for where a dict keeps its entries (dict_keys). The key is
the constant key's value when it is a number or string (Python dict semantics: keys that compare equal share a slot,
so items under different constant keys never alias), else None (any item). A dict store may add a key (which changes
the length and may move the entries) unless it is given the key's present value from a dict_slot_value (a guarded
read: the key exists): such a store's kind is ("dict_value", key). Register files are never written by calls (the
language promises it, see opdefs.py); everything else may be.
"""

from __future__ import annotations

from jit.ir import Op

DICT_READ_KEY = {"dict_get": 1, "dict_slot_value": 3}  # dict read -> which of its arguments is the key
LOADS = {"getslot", "getreg", "list_getitem", "list_len", "dict_get", "dict_slot_value", "dict_keys", "dict_len"}
STORES = {"setslot", "setreg", "setreg_int", "setreg_float", "list_setitem", "list_setitem_float", "list_setitem_int",
          "list_append", "dict_set", "dict_set_float", "dict_set_int"}


def _dict_key(k):
    if k.is_const() and type(k.value) in (bytes, str, int, float, bool):
        return k.value
    return None


def load_kind(op):
    name = op.opdef.name
    if name == "getslot":
        return _slot_kind(op)
    if name == "getreg":
        return ("reg", op.args[1].value if op.args[1].is_const() else None)
    if name == "list_getitem":
        return "list_item"
    if name == "list_len":
        return "list_len"
    if name == "dict_len":
        return "dict_len"
    if name == "dict_keys":
        return "dict_keys"
    return ("dict", _dict_key(op.args[DICT_READ_KEY[name]]))


def _slot_kind(op):
    base = op.args[0]
    return ("slot", op.args[1].value, id(base.value) if base.is_const() else None)


def _keeps_keys(op) -> bool:
    """Whether dict store `op` writes a key that a guarded dict_slot_value found (so it adds no entry)."""
    old = op.args[3] if len(op.args) > 3 else None
    return isinstance(old, Op) and old.opdef.name == "dict_slot_value"


def store_kind(op):
    name = op.opdef.name
    if name == "setslot":
        return _slot_kind(op)
    if name in ("setreg", "setreg_int", "setreg_float"):
        return ("reg", op.args[1].value if op.args[1].is_const() else None)
    if name in ("list_setitem", "list_setitem_float", "list_setitem_int"):
        return "list_item"
    if name == "list_append":
        return "list_append"
    return ("dict_value" if _keeps_keys(op) else "dict", _dict_key(op.args[1]))


def clobbers(kind_written, kind_read) -> bool:
    """Whether a store of one kind may change what a load of the other kind reads."""
    if kind_written == kind_read:
        return True
    if kind_written == "list_append":
        return kind_read in ("list_item", "list_len")
    if isinstance(kind_written, tuple) and kind_written[0] in ("dict", "dict_value"):
        if kind_read in ("dict_len", "dict_keys"):  # a new key changes the length and may move the entries
            return kind_written[0] == "dict"
        if isinstance(kind_read, tuple) and kind_read[0] == "dict":
            return kind_written[1] is None or kind_read[1] is None or kind_written[1] == kind_read[1]
    if isinstance(kind_written, tuple) and isinstance(kind_read, tuple) and kind_written[0] == kind_read[0]:
        if kind_written[0] == "reg":
            return kind_written[1] is None or kind_read[1] is None
        if kind_written[0] == "slot":
            return kind_written[1] == kind_read[1] and (kind_written[2] is None or kind_read[2] is None)
    return False


def survives_call(kind) -> bool:
    return isinstance(kind, tuple) and kind[0] == "reg"


class KnownMemory:
    """What the trace knows that memory holds: key -> (memory kind, value), forgotten by kind when a store or a call
    may change it. Entries are grouped by kind, so a store weighs each kind once, not each entry (a long trace
    knows hundreds of loads and makes hundreds of stores)."""

    __slots__ = ("entries", "by_kind")

    def __init__(self):
        self.entries: dict = {}
        self.by_kind: dict = {}

    def get(self, key):
        return self.entries.get(key)

    def put(self, key, kind, value):
        self.entries[key] = (kind, value)
        self.by_kind.setdefault(kind, set()).add(key)

    def clear(self):
        self.entries.clear()
        self.by_kind.clear()

    def _forget(self, keep):
        for kind in [k for k in self.by_kind if not keep(k)]:
            for key in self.by_kind.pop(kind):
                self.entries.pop(key, None)

    def store(self, kind_written):
        """A store of `kind_written`: forget what it may change."""
        self._forget(lambda kind: not clobbers(kind_written, kind))

    def call(self):
        """A call: forget what it may change."""
        self._forget(survives_call)
