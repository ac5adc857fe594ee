"""The runtime object `rt`: globals, metatables, calling into Lua, loading chunks (cf. PUC's lapi.c/ldo.c).

This is the API that the libraries, the CLI, and (later) a Python embedding use.
"""

from __future__ import annotations

import sys

from ylua import arith
from ylua.errors import ArgError, LuaError, LuaSyntaxError
from ylua.numconv import fmt_number
from ylua.operand_error import OperandError
from ylua.table import InvalidKey, LuaTable
from ylua.values import Builtin, LuaFunction, Userdata, type_name
from ylua.frame import CFrame
from ylua.vm import MAX_C_DEPTH, arg_error_message, check_c_depth, execute, new_frame

MAX_INDEX_CHAIN = 2000


class Interp:
    def __init__(self, compat: str | None = None, stdout=None, jit_driver=None):
        self.globals = LuaTable()
        self.string_meta: LuaTable | None = None
        self.type_metas: dict[str, LuaTable] = {}  # metatables of nil, boolean, number, function, thread
        self.stdout = stdout if stdout is not None else sys.stdout.buffer
        self.compat = compat
        self.jit_driver = jit_driver
        self.recorder = None  # the JIT driver's trace recorder while a trace is being recorded
        self.hook = None  # the debug hook (ylua.hooks.DebugHook) set by debug.sethook
        self.current_coroutine = None
        self.coroutine_switch_hooks: list = []
        self.c_depth = 0
        self.cur_frame = None  # the running Lua frame (or CFrame), innermost
        self.c_builtin = None  # the built-in running right now, if one runs
        self.pcall_builtin = None  # the base library's pcall: the VM runs its calls of Lua functions itself
        self.builtin_results = ()  # while a trace is recorded: the results of the last built-in the VM called
        self.handling_error = None
        self.registry = LuaTable()
        if jit_driver is not None:
            jit_driver.attach(self)
        if sys.getrecursionlimit() < 20000:
            sys.setrecursionlimit(20000)
        from ylua.stdlib.openlibs import open_all

        open_all(self)

    # ------------------------------------------------------------ loading

    def load(self, source: bytes, chunkname: str, env=None, cache: bool = False) -> LuaFunction:
        """Compile a chunk; chunkname as PUC shows it ('t.lua', '[string "..."]'). Raises LuaSyntaxError.
        With `cache` (a file's chunk), the bytecode comes from and goes to ylua.chunk_cache."""
        from ylua.values import Cell

        proto = None
        if cache:
            from ylua import chunk_cache

            cache = chunk_cache.enabled()
            proto = chunk_cache.load(source, chunkname) if cache else None
        if proto is None:
            proto = self.compile_proto(source, chunkname)
            if cache:
                chunk_cache.store(source, chunkname, proto)
        return LuaFunction(proto, [Cell(self.globals if env is None else env)])

    def compile_proto(self, source: bytes, chunkname: str):
        from ylua.compiler import compile_chunk
        from ylua.parser import parse

        return compile_chunk(parse(source, chunkname), chunkname)

    # ------------------------------------------------------------ calling

    def call(self, fn, args: list) -> list:
        """Call any Lua value with `args`; returns the list of results. A Lua function runs in a new activation
        of the dispatch loop."""
        tf = type(fn)
        saved = self.cur_frame
        caller = self.c_builtin  # a built-in calling back into Lua is a level of its own in tracebacks
        if tf is Builtin:
            if caller is not None:
                self.cur_frame = CFrame(caller, saved)
            self.c_builtin = fn
            self.c_depth += 1  # a C level, as in PUC (luaD_call counts every call made from C)
            try:
                if self.c_depth >= MAX_C_DEPTH:
                    check_c_depth(self.c_depth, caller, saved)
                return list(fn.fn(*args))
            except ArgError as e:
                raise LuaError(f"bad argument #{e.n} to '{fn.name}' ({e.msg})".encode()) from None
            except OperandError as e:
                raise LuaError(e.message.encode()) from None
            finally:
                self.c_depth -= 1
                self.cur_frame = saved
                self.c_builtin = caller
        if tf is not LuaFunction:
            mm = arith.metamethod(self, fn, b"__call")
            if mm is None:
                raise LuaError(f"attempt to call a {type_name(fn)} value".encode())
            return self.call(mm, [fn] + list(args))
        recorder = self.recorder
        if recorder is not None:
            if recorder.nested_call(fn, args):
                recorder = None  # an inlined metamethod: the recording follows the call into its activation
            else:  # a nested activation is recorded as one opaque call: it is not traced into
                self.recorder = None
        self.c_depth += 1
        try:
            if self.c_depth >= MAX_C_DEPTH:
                check_c_depth(self.c_depth, caller, saved)
            self.c_builtin = None
            driver = self.jit_driver
            if caller is None:
                outer = saved
            else:
                outer = CFrame(caller, saved)
                if driver is not None:  # a callback: its function trace may run it
                    self.cur_frame = outer  # (what the frames of the trace's exits are rebuilt below)
                    vals = driver.calls.callback_point(self, fn, args)
                    if vals is not None:
                        return list(vals)
                    self.cur_frame = saved
            frame = new_frame(fn, list(args), None, 0, 0)
            frame.outer = outer
            if driver is not None and driver.config.check_stack:
                return driver.checked_activation(self, frame, execute)
            return execute(self, frame)
        finally:
            self.c_depth -= 1
            self.cur_frame = saved
            self.c_builtin = caller
            if recorder is not None and self.jit_driver.recording is recorder:
                # (unless the recording ended meanwhile: a coroutine the call resumed may have made it abort)
                self.recorder = recorder

    def frames(self):
        """The running Lua frames, innermost first, across activations (for tracebacks and debug)."""
        f = self.cur_frame
        while f is not None:
            yield f
            f = f.parent if f.parent is not None else f.outer

    def current_frame(self):
        """The innermost running Lua frame (skipping built-in levels), or None."""
        for f in self.frames():
            if type(f) is not CFrame:
                return f
        return None

    def where(self, level: int) -> bytes:
        """PUC's luaL_where: 'chunk:line: ' of the Lua function at `level` (1 = the caller of the built-in)."""
        for i, f in enumerate(self.frames(), 1):
            if i == level:
                if type(f) is CFrame:
                    return b""
                return f"{f.func.proto.source}:{f.current_line()}: ".encode()
        return b""

    # ------------------------------------------------------------ metatables

    def getmetatable(self, v):
        tv = type(v)
        if tv is LuaTable or tv is Userdata:
            return v.meta
        if tv is bytes:
            return self.string_meta
        return self.type_metas.get(type_name(v))

    def metamethod(self, v, event: bytes):
        return arith.metamethod(self, v, event)

    # ------------------------------------------------------------ indexing

    def index(self, obj, key):
        """obj[key] with __index (PUC's luaV_finishget)."""
        if type(obj) is bytes:  # s:method(...): the string library, straight from the strings' metatable
            mt = self.string_meta
            if mt is not None:
                h = mt.hash.get(b"__index")
                if type(h) is LuaTable:
                    v = h.get(key)
                    if v is not None:
                        return v
        for _ in range(MAX_INDEX_CHAIN):
            if type(obj) is LuaTable:
                v = obj.get(key)
                if v is not None:
                    return v
                mt = obj.meta
                if mt is None:
                    return None
                h = mt.hash.get(b"__index")
                if h is None:
                    return None
            else:
                h = arith.metamethod(self, obj, b"__index")
                if h is None:
                    raise OperandError(f"attempt to index a {type_name(obj)} value", 0)
            if type(h) is LuaFunction or type(h) is Builtin:
                res = self.call(h, [obj, key])
                return res[0] if res else None
            obj = h
        raise LuaError(b"'__index' chain too long; possible loop", needs_where=True)

    def setindex(self, obj, key, value):
        """obj[key] = value with __newindex (PUC's luaV_finishset)."""
        for _ in range(MAX_INDEX_CHAIN):
            if type(obj) is LuaTable:
                mt = obj.meta
                h = None
                if mt is not None and obj.get(key) is None:
                    h = mt.hash.get(b"__newindex")
                if h is None:
                    try:
                        obj.set(key, value)
                    except InvalidKey as e:
                        raise LuaError(str(e).encode(), needs_where=True) from None
                    return
            else:
                h = arith.metamethod(self, obj, b"__newindex")
                if h is None:
                    raise OperandError(f"attempt to index a {type_name(obj)} value", 0)
            if type(h) is LuaFunction or type(h) is Builtin:
                self.call(h, [obj, key, value])
                return
            obj = h
        raise LuaError(b"'__newindex' chain too long; possible loop", needs_where=True)

    # ------------------------------------------------------------ operators for the libraries

    def arith(self, opname: str, a, b):
        return arith.arith(self, opname, a, b)

    def len(self, v):
        return arith.length(self, v)

    def eq(self, a, b) -> bool:
        return arith.eq(self, a, b)

    def lt(self, a, b) -> bool:
        return arith.lt(self, a, b)

    def le(self, a, b) -> bool:
        return arith.le(self, a, b)

    def tostring(self, v) -> bytes:
        tv = type(v)
        if tv is bytes:
            return v
        if tv is int or tv is float:
            return fmt_number(v)
        mt = self.getmetatable(v)
        if mt is not None:
            h = mt.hash.get(b"__tostring")
            if h is not None:
                res = self.call(h, [v])
                s = res[0] if res else None
                if type(s) is not bytes:
                    if type(s) in (int, float):
                        return fmt_number(s)
                    raise LuaError(b"'__tostring' must return a string")
                return s
            name = mt.hash.get(b"__name")
            if type(name) is bytes:
                return name + b": " + _address(v)
        if v is None:
            return b"nil"
        if v is True:
            return b"true"
        if v is False:
            return b"false"
        return type_name(v).encode() + b": " + _address(v)

    # ------------------------------------------------------------ to-be-closed variables

    def mark_tbc(self, frame, reg: int, pc: int):
        v = frame.regs[reg]
        if v is None or v is False:
            return
        if arith.metamethod(self, v, b"__close") is None:
            name = frame.func.proto.local_name(reg, pc) or "?"
            raise LuaError(f"variable '{name}' got a non-closable value".encode(), needs_where=True)
        if frame.tbc is None:
            frame.tbc = []
        frame.tbc.append(reg)

    def close_frame(self, frame, level: int, err):
        """Call __close on the frame's to-be-closed variables in registers >= level, innermost first.
        `err` is the LuaError being propagated, or None."""
        tbc = frame.tbc
        if not tbc or level < 0:
            return
        errval = err.value if err is not None else None
        replaced = None
        saved = self.cur_frame, self.c_builtin
        if err is not None:
            catcher = _catching_level(frame)
            if catcher is not None:  # PUC closes them once the error has unwound to the pcall that catches it
                self.cur_frame, self.c_builtin = catcher.outer, catcher.func
        try:
            while tbc and tbc[-1] >= level:
                reg = tbc.pop()
                v = frame.regs[reg]
                mm = arith.metamethod(self, v, b"__close")
                if mm is not None:
                    try:
                        self.call(mm, [v, errval])
                    except LuaError as e:
                        if err is None:
                            raise
                        replaced = e
                        errval = e.value
        finally:
            self.cur_frame, self.c_builtin = saved
        if replaced is not None:
            raise replaced

    def arg_error_text(self, proto, pc, exc):
        return arg_error_message(proto, pc, exc)


def _catching_level(frame):
    """The innermost pcall or xpcall level below `frame` (a CFrame), or None."""
    f = frame
    while f is not None:
        if type(f) is CFrame and f.func is not None and f.func.name in ("pcall", "xpcall"):
            return f
        f = f.parent if f.parent is not None else f.outer
    return None


def _address(v) -> bytes:
    return f"0x{id(v):x}".encode()


__all__ = ["Interp", "LuaError", "LuaSyntaxError"]
