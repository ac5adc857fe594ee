"""Lua errors as Python exceptions."""

from __future__ import annotations


class LuaError(Exception):
    """A Lua error carrying any Lua value.

    `value` is the error object (bytes for messages). `traceback` is the Lua stack traceback text, filled in when the
    error leaves the outermost activation. `needs_where` asks the VM to prefix the message with the position of the
    calling Lua function (luaL_error's behaviour); it is cleared once done.
    """

    def __init__(self, value, needs_where: bool = False, traceback: str | None = None):
        super().__init__(value)
        self.value = value
        self.needs_where = needs_where
        self.traceback = traceback
        self.lua_frames = None  # the traceback's frames, captured where the error was raised

    def __str__(self):
        v = self.value
        if isinstance(v, bytes):
            return v.decode("utf-8", "replace")
        return repr(v)


def lua_error(msg: str | bytes) -> LuaError:
    """An error raised by a built-in function: luaL_error, positioned at the calling Lua function's line."""
    if isinstance(msg, str):
        msg = msg.encode()
    return LuaError(msg, needs_where=True)


class ArgError(Exception):
    """A bad argument to a built-in function: `bad argument #n to 'name' (msg)`, worded by the VM at the call site."""

    def __init__(self, n: int, msg: str):
        super().__init__(n, msg)
        self.n = n
        self.msg = msg


class LuaSyntaxError(Exception):
    """A compile-time error; `msg` is already formatted as `chunk:line: message near 'tok'`."""

    def __init__(self, msg: str):
        super().__init__(msg)
        self.msg = msg
