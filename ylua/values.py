"""Lua values and their Python representation.

    nil -> None          boolean -> bool           integer -> int (kept in int64 range by the VM)
    float -> float       string -> bytes           table -> LuaTable
    Lua function -> LuaFunction                    built-in function -> Builtin
    thread -> Coroutine (ylua.coroutine)           full userdata -> Userdata (io files)

Built-in functions are Python callables taking the Lua arguments positionally and returning a sequence of results.
They report bad arguments by raising ArgError (the VM words the message with the name used at the call site).
"""

from __future__ import annotations

from ylua.table import LuaTable


class Cell:
    """A local variable captured by a closure: shared by every closure that captures it."""

    __slots__ = ("v",)

    def __init__(self, v=None):
        self.v = v


class LuaFunction:
    __slots__ = ("__weakref__", "proto", "upvals")

    def __init__(self, proto, upvals):
        self.proto = proto
        self.upvals = upvals  # list[Cell]

    def __repr__(self):
        return f"<LuaFunction {self.proto.name or '?'} {self.proto.source}:{self.proto.line}>"


class Builtin:
    __slots__ = ("__weakref__", "fn", "name")

    def __init__(self, fn, name: str):
        self.fn = fn
        self.name = name

    def __repr__(self):
        return f"<builtin {self.name}>"


class Userdata:
    """A full userdata: a Python payload with an optional metatable."""

    __slots__ = ("__weakref__", "meta", "payload")

    def __init__(self, payload, meta=None):
        self.payload = payload
        self.meta = meta


def type_name(v) -> str:
    """Lua's type(v) as a Python str."""
    if v is None:
        return "nil"
    tv = type(v)
    if tv is bool:
        return "boolean"
    if tv is int or tv is float:
        return "number"
    if tv is bytes:
        return "string"
    if tv is LuaTable:
        return "table"
    if tv is LuaFunction or tv is Builtin:
        return "function"
    if tv is Userdata:
        return "userdata"
    name = getattr(tv, "lua_type_name", None)
    if name is not None:
        return name
    return "userdata"
