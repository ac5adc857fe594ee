"""Errors about an operand, worded by the dispatch loop with variable information (PUC's luaG_typeerror)."""

from __future__ import annotations

from ylua.table import LuaTable
from ylua.values import Userdata, type_name


class OperandError(Exception):
    """`message` is complete except for the variable info; `position` says which operand of the faulting
    instruction holds the bad value (0 = first source operand, 1 = second; for CONCAT the index in its range;
    None = no variable info)."""

    def __init__(self, message: str, position: int | None):
        super().__init__(message)
        self.message = message
        self.position = position


class InfixMessage(str):
    """A message whose variable info goes in its middle, not at its end: `message + info` inserts the info
    between `head` and `tail` ("number (local 'f') has no integer representation")."""

    def __new__(cls, head: str, tail: str):
        self = super().__new__(cls, head + tail)
        self.head = head
        self.tail = tail
        return self

    def __add__(self, info):
        return self.head + info + self.tail


def obj_type_name(v) -> str:
    """The type name used in error messages: a string `__name` in the metatable, else the type (luaT_objtypename)."""
    if type(v) is LuaTable or type(v) is Userdata:
        mt = v.meta
        if mt is not None:
            name = mt.get(b"__name")
            if type(name) is bytes:
                return name.decode("latin-1")
    return type_name(v)


def no_integer_rep(position: int | None) -> OperandError:
    """A float (or numeric string) operand of a bitwise operation that has no integer value (luaG_tointerror)."""
    return OperandError(InfixMessage("number", " has no integer representation"), position)
