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
TUPLE_ITEMS = 24
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
