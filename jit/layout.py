"""CPython object layouts the IR relies on (64-bit CPython 3.11-3.13), and __slots__ offsets for the language.

The language reads its own objects' `__slots__` members with getslot/setslot at byte offsets; slot_offset() gives the
offset of a member (read from the member descriptor's PyMemberDef, then checked by reading the slot back).
"""

from __future__ import annotations

import ctypes
import sys
import types

OB_REFCNT = 0
OB_TYPE = 8
VAR_SIZE = 16  # ob_size of PyVarObject (lists, tuples)
FLOAT_VALUE = 16  # PyFloatObject.ob_fval
LIST_ITEMS = 24  # PyListObject.ob_item (PyObject **)
LIST_ALLOCATED = 32  # PyListObject.allocated (slots of ob_item)
TUPLE_ITEMS = 24
BYTES_DATA = bytes.__basicsize__ - 1  # PyBytesObject.ob_sval (the basic size counts its terminating NUL)
DICT_USED = 16  # PyDictObject.ma_used  # PyTupleObject.ob_item[0] (inline)
LONG_DIGITS = 24  # first 30-bit digit of a PyLongObject
LONG_TAG = 16  # 3.11: signed digit count; 3.12+: lv_tag (sign in bits 0-1, digit count from bit 3)
INLINE_REFCOUNT = sys.version_info < (3, 12)  # 3.12+ has immortal objects: use Py_IncRef/Py_DecRef

# PyMemberDescrObject: PyObject_HEAD (16), d_type, d_name, d_qualname (8 each), then d_member (PyMemberDef *).
_DESCR_MEMBER = 40
# PyMemberDef: const char *name; int type; Py_ssize_t offset; ...
_MEMBERDEF_OFFSET = 16


class LayoutError(Exception):
    pass


def slot_offset(cls: type, name: str) -> int:
    """Byte offset of the `__slots__` member `name` in instances of `cls`."""
    descr = None
    for klass in cls.__mro__:
        if name in klass.__dict__:
            descr = klass.__dict__[name]
            break
    if not isinstance(descr, types.MemberDescriptorType):
        raise LayoutError(f"{cls.__name__}.{name} is not a __slots__ member")
    memberdef = ctypes.c_void_p.from_address(id(descr) + _DESCR_MEMBER).value
    offset = ctypes.c_ssize_t.from_address(memberdef + _MEMBERDEF_OFFSET).value
    if not 16 <= offset < cls.__basicsize__:
        raise LayoutError(f"{cls.__name__}.{name}: implausible offset {offset}")
    return offset


def read_slot(obj, offset: int):
    """The object stored at byte `offset` of `obj` (what getslot does); None if the slot is unset."""
    addr = ctypes.c_void_p.from_address(id(obj) + offset).value
    if not addr:
        return None
    return ctypes.cast(addr, ctypes.py_object).value


_slot_names: dict[tuple[type, int], str] = {}


def slot_name(cls: type, offset: int) -> str:
    """The `__slots__` member of `cls` at `offset` (the inverse of slot_offset, cached)."""
    key = (cls, offset)
    name = _slot_names.get(key)
    if name is None:
        for klass in cls.__mro__:
            for attr, descr in klass.__dict__.items():
                if isinstance(descr, types.MemberDescriptorType) and slot_offset(klass, attr) == offset:
                    name = attr
        if name is None:
            raise LayoutError(f"{cls.__name__} has no slot at offset {offset}")
        _slot_names[key] = name
    return name


# ---- dict internals (3.11-3.13, default builds), for reading an entry at a cached index without a hash probe.
# PyDictObject: PyObject_HEAD, ma_used, ma_version_tag, ma_keys, ma_values (NULL unless split).
DICT_KEYS = 32
DICT_VALUES = 40
# PyDictKeysObject: dk_refcnt, then u8 dk_log2_size, u8 dk_log2_index_bytes, u8 dk_kind, u32 dk_version,
# dk_usable, dk_nentries, then the index table (1 << dk_log2_index_bytes bytes), then the entries.
DK_LOG2_SIZE = 8
DK_LOG2_INDEX_BYTES = 9
DK_KIND = 10
DK_NENTRIES = 24
DK_INDICES = 32
DK_KIND_GENERAL = 0  # entries are {hash, key, value}; unicode-only tables have {key, value}
GENERAL_ENTRY, UNICODE_ENTRY = 24, 16


def _entry_address(d: dict, index: int) -> tuple[int, int]:
    """(address of entry `index`'s key, address of its value) in the combined dict `d`."""
    keys = ctypes.c_void_p.from_address(id(d) + DICT_KEYS).value
    index_bytes = 1 << ctypes.c_uint8.from_address(keys + DK_LOG2_INDEX_BYTES).value
    general = ctypes.c_uint8.from_address(keys + DK_KIND).value == DK_KIND_GENERAL
    size, key_at = (GENERAL_ENTRY, 8) if general else (UNICODE_ENTRY, 0)
    entry = keys + DK_INDICES + index_bytes + index * size
    return entry + key_at, entry + key_at + 8


def _dict_layout_holds() -> bool:
    """Read two small dicts (one of each entry kind) through the offsets above and compare with what Python says."""
    if sys.version_info[:2] not in ((3, 11), (3, 12), (3, 13)):
        return False
    try:
        for d in ({"alpha": 1.5, "beta": "b", "gamma": None}, {1: "one", "two": 2.5, 3: "three"}):
            if ctypes.c_void_p.from_address(id(d) + DICT_VALUES).value:
                return False
            keys = ctypes.c_void_p.from_address(id(d) + DICT_KEYS).value
            if ctypes.c_ssize_t.from_address(keys + DK_NENTRIES).value != len(d):
                return False
            log2_size = ctypes.c_uint8.from_address(keys + DK_LOG2_SIZE).value
            if (log2_size, ctypes.c_uint8.from_address(keys + DK_LOG2_INDEX_BYTES).value) != (3, 3):
                return False  # a fresh small dict: 8 one-byte indices
            for index, (k, v) in enumerate(d.items()):
                key_addr, value_addr = _entry_address(d, index)
                if (ctypes.c_void_p.from_address(key_addr).value != id(k)
                        or ctypes.c_void_p.from_address(value_addr).value != id(v)):
                    return False
    except (ValueError, OSError):
        return False
    return True


# Native code reads dict entries directly only where this check passed on the running interpreter.
DICT_ENTRIES_READABLE = _dict_layout_holds()


DICT_SCAN_ENTRIES = 64  # entries dict_entry_index compares before giving up


def dict_entry_index(d: dict, key) -> int | None:
    """The index of the entry of the combined, general-kind dict `d` whose key is the object `key` itself (not merely
    an equal one), among its first DICT_SCAN_ENTRIES entries; None when there is none or the layout is unreadable.
    A trace reads such a key's value at that index (dict_slot_value) without a hash probe while it is still there."""
    if not DICT_ENTRIES_READABLE or type(d) is not dict or ctypes.c_void_p.from_address(id(d) + DICT_VALUES).value:
        return None
    keys = ctypes.c_void_p.from_address(id(d) + DICT_KEYS).value
    if ctypes.c_uint8.from_address(keys + DK_KIND).value != DK_KIND_GENERAL:
        return None
    n = min(ctypes.c_ssize_t.from_address(keys + DK_NENTRIES).value, DICT_SCAN_ENTRIES)
    for index in range(n):
        key_addr, _ = _entry_address(d, index)
        if ctypes.c_void_p.from_address(key_addr).value == id(key):
            return index
    return None
