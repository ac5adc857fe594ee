"""The debug library (cf. PUC's ldblib.c): traceback, getinfo, locals, upvalues, metatables, hooks."""

from __future__ import annotations

import weakref

from ylua import coroutine as co_impl
from ylua import weak
from ylua.coroutine import Coroutine
from ylua.debuginfo import func_name_for_call
from ylua.errors import ArgError
from ylua.fixed_upvalues import distrust
from ylua.hooks import DebugHook
from ylua.stdlib.base import NOARG, typename_or_novalue
from ylua.stdlib.helpers import arg, check_int
from ylua.table import LuaTable
from ylua.traceback import describe_function, traceback_text
from ylua.values import Builtin, Cell, LuaFunction


def open_lib(rt) -> None:
    lib = LuaTable()

    def reg(name, fn):
        lib.set_str(name.encode(), Builtin(fn, name))

    def other_thread(args):
        """PUC's getthread: the thread given as the first argument if it is not the running one (else None), and
        the remaining arguments."""
        if args and type(args[0]) is Coroutine:
            co = args[0]
            running = rt.current_coroutine or rt.main_thread
            return (None if co is running else co), args[1:]
        return None, args

    def frame_at(level, co=None):
        """The level of the running thread (1 = the caller of the debug function) or of thread `co` (0 = its
        innermost level), or None."""
        if co is not None:
            frames = co_impl.thread_frames(rt, co)
            return frames[level] if 0 <= level < len(frames) else None
        for i, f in enumerate(rt.frames(), 1):
            if i == level:
                return f
        return None

    def traceback(*args):
        co, args = other_thread(args)
        msg = arg(args, 1)
        level = arg(args, 2)
        if msg is NOARG:
            msg = None
        if type(msg) not in (bytes, int, float) and msg is not None:
            return (msg,)
        text = rt.tostring(msg).decode("latin-1") if msg is not None else ""
        if co is None:
            text = traceback_text(rt, text, level if type(level) is int else 1)
        else:
            text = traceback_text(rt, text, level if type(level) is int else 0, co_impl.thread_frames(rt, co))
        return (text.encode("latin-1"),)

    def getinfo(*args):
        co, args = other_thread(args)
        what = arg(args, 1)
        opts = arg(args, 2)
        if opts is NOARG:
            opts = b"flnSrtu"
        if type(what) in (LuaFunction, Builtin):
            return (function_info(what, None, opts),)
        if type(what) not in (int, float):
            raise ArgError(1, "function or level expected")
        level = int(what)
        if level == 0 and co is None:
            info = LuaTable()
            info.set_str(b"what", b"C")
            info.set_str(b"source", b"=[C]")
            info.set_str(b"short_src", b"[C]")
            info.set_str(b"currentline", -1)
            info.set_str(b"name", b"getinfo")
            info.set_str(b"namewhat", b"field")
            return (info,)
        f = frame_at(level, co)
        if f is None:
            return (None,)
        return (function_info(f.func, f, opts),)

    def function_info(fn, frame, opts):
        info = LuaTable()
        if type(fn) is Builtin:
            info.set_str(b"what", b"C")
            info.set_str(b"source", b"=[C]")
            info.set_str(b"short_src", b"[C]")
            info.set_str(b"linedefined", -1)
            info.set_str(b"lastlinedefined", -1)
            info.set_str(b"currentline", -1)
            info.set_str(b"nups", 0)
            info.set_str(b"nparams", 0)
            info.set_str(b"isvararg", True)
        else:
            p = fn.proto
            main = p.name == "main chunk"
            info.set_str(b"what", b"main" if main else b"Lua")
            info.set_str(b"source", ("@" + p.source).encode("latin-1"))
            info.set_str(b"short_src", p.source.encode("latin-1"))
            info.set_str(b"linedefined", p.line)
            info.set_str(b"lastlinedefined", p.end_line if not main else -1)
            info.set_str(b"currentline", frame.current_line() if frame is not None else -1)
            info.set_str(b"nups", len(p.upvals))
            info.set_str(b"nparams", p.num_params)
            info.set_str(b"isvararg", p.is_vararg)
            if b"L" in opts:
                active = LuaTable()
                for line in set(p.lines):
                    active.set(line, True)
                info.set_str(b"activelines", active)
        caller = None
        if frame is not None:
            caller = frame.parent if frame.parent is not None else getattr(frame, "outer", None)
            if type(fn) is not Builtin and frame.parent is None:
                caller = None  # a Lua function that another activation started: called by a built-in
        if caller is not None and hasattr(caller, "regs"):
            desc = describe_function(fn.proto, caller.func.proto, caller.pc) if type(fn) is not Builtin else \
                _builtin_desc(caller)
            if "'" in desc:
                kind, name = desc.split(" ", 1)
                info.set_str(b"name", name.strip("'").encode("latin-1"))
                info.set_str(b"namewhat", (b"global" if kind == "function" else kind.encode()))
        if info.get_str(b"namewhat") is None:
            info.set_str(b"namewhat", b"")
        info.set_str(b"istailcall", False)
        if b"f" in opts:
            info.set_str(b"func", fn)
        return info

    def _builtin_desc(caller):
        """How a Lua frame's current call instruction names the built-in it calls."""
        info = func_name_for_call(caller.func.proto, caller.pc)
        if info is None or info[0] == "constant":
            return ""
        kind, name = info
        return f"function '{name}'" if kind == "global" else f"{kind} '{name}'"

    def getlocal(*args):
        co, args = other_thread(args)
        level = arg(args, 1)
        n = arg(args, 2)
        if type(n) is float and n.is_integer():
            n = int(n)
        if type(n) is not int:
            raise ArgError(2 if co is None else 3, f"number expected, got {typename_or_novalue(n)}")
        if type(level) in (LuaFunction,):
            p = level.proto
            params = [lv.name for lv in p.locvars if lv.start_pc == 0][: p.num_params]
            return ((params[n - 1].encode(),) if 0 < n <= len(params) else (None,))
        f = frame_at(int(level), co) if type(level) in (int, float) else None
        if f is None:
            raise ArgError(1 if co is None else 2, "level out of range")
        if not hasattr(f, "regs"):  # a built-in's level: no named locals
            return (None,)
        p = f.func.proto
        live = [lv for lv in p.locvars if lv.start_pc <= f.pc < lv.end_pc]
        if n < 0:
            va = f.varargs or []
            if -n <= len(va):
                return (b"(vararg)", va[-n - 1])
            return (None,)
        if 0 < n <= len(live):
            lv = live[n - 1]
            v = f.regs[lv.reg]
            return (lv.name.encode(), v.v if type(v) is Cell else v)
        return (None,)

    def setlocal(*args):
        co, args = other_thread(args)
        level, n, value = arg(args, 1), arg(args, 2), arg(args, 3)
        f = frame_at(int(level), co) if type(level) in (int, float) else None
        if f is None:
            raise ArgError(1 if co is None else 2, "level out of range")
        if not hasattr(f, "regs"):
            return (None,)
        if value is NOARG:
            raise ArgError(3 if co is None else 4, "value expected")
        p = f.func.proto
        live = [lv for lv in p.locvars if lv.start_pc <= f.pc < lv.end_pc]
        if type(n) is int and 0 < n <= len(live):
            lv = live[n - 1]
            if type(f.regs[lv.reg]) is Cell:
                distrust()  # (a closure may have it as a fixed upvalue)
                f.regs[lv.reg].v = value
            else:
                f.regs[lv.reg] = value
            return (lv.name.encode(),)
        return (None,)

    def getupvalue(fn=NOARG, n=NOARG, *_):
        if type(fn) is LuaFunction and type(n) is int and 0 < n <= len(fn.upvals):
            return (fn.proto.upvals[n - 1].name.encode(), fn.upvals[n - 1].v)
        return ()

    def setupvalue(fn=NOARG, n=NOARG, value=None, *_):
        if type(fn) is LuaFunction and type(n) is int and 0 < n <= len(fn.upvals):
            if fn.proto.upvals[n - 1].fixed:
                distrust()
            fn.upvals[n - 1].v = value
            return (fn.proto.upvals[n - 1].name.encode(),)
        return ()

    def upvalueid(*args):
        fn = arg(args, 1)
        if type(fn) is not LuaFunction and type(fn) is not Builtin:
            raise ArgError(1, f"function expected, got {typename_or_novalue(fn)}")
        n = check_int(args, 2)
        if type(fn) is LuaFunction:
            if 0 < n <= len(fn.upvals):
                return (UpvalueId(fn.upvals[n - 1]),)
        elif 0 < n <= C_UPVALUES.get(fn.name, 0):
            return (UpvalueId(_c_upvalue(fn, n)),)
        return (None,)  # 5.4.8 (and 5.4.4): fail for an invalid index

    c_upvalues = weakref.WeakKeyDictionary()  # built-in -> {n: a Cell standing for that upvalue of a C closure}

    def _c_upvalue(fn, n):
        cells = c_upvalues.setdefault(fn, {})
        if n not in cells:
            cells[n] = Cell(None)
        return cells[n]

    def upvaluejoin(f1=NOARG, n1=NOARG, f2=NOARG, n2=NOARG, *_):
        if type(f1) is not LuaFunction or not (type(n1) is int and 0 < n1 <= len(f1.upvals)):
            raise ArgError(2, "invalid upvalue index")
        if type(f2) is not LuaFunction or not (type(n2) is int and 0 < n2 <= len(f2.upvals)):
            raise ArgError(4, "invalid upvalue index")
        distrust()  # f1 has another cell now (and f2's cell, if f1 writes it, may no longer be fixed)
        f1.upvals[n1 - 1] = f2.upvals[n2 - 1]
        return ()

    def getmetatable(v=NOARG, *_):
        return (rt.getmetatable(v),)

    def setmetatable(v=NOARG, mt=NOARG, *_):
        if mt is not None and type(mt) is not LuaTable:
            raise ArgError(2, f"nil or table expected, got {typename_or_novalue(mt)}")
        from ylua.values import Userdata, type_name

        if type(v) in (LuaTable, Userdata):
            v.meta = mt
            if type(v) is LuaTable:
                weak.register(v, mt)
        elif type(v) is bytes:
            rt.string_meta = mt
        elif mt is None:
            rt.type_metas.pop(type_name(v), None)
        else:
            rt.type_metas[type_name(v)] = mt
        return (v,)

    def getregistry(*_):
        return (rt.registry,)

    def sethook(*args):
        co, args = other_thread(args)  # each thread has its own hook
        fn = args[0] if args else None
        mask = args[1] if len(args) > 1 and type(args[1]) is bytes else b""
        count = args[2] if len(args) > 2 and type(args[2]) is int else 0
        hook = None if fn is None or (not mask and count <= 0) else DebugHook(fn, mask, count)
        if co is None:
            rt.hook = hook
        else:
            co.hook = hook
        return ()

    def gethook(*args):
        co, _ = other_thread(args)
        h = rt.hook if co is None else co.hook
        if h is None:
            return (None,)
        return (h.fn, h.mask, h.count)

    for name, fn in [
        ("traceback", traceback), ("getinfo", getinfo), ("getlocal", getlocal), ("setlocal", setlocal),
        ("getupvalue", getupvalue), ("setupvalue", setupvalue), ("upvalueid", upvalueid),
        ("upvaluejoin", upvaluejoin), ("getmetatable", getmetatable), ("setmetatable", setmetatable),
        ("getregistry", getregistry), ("sethook", sethook), ("gethook", gethook),
    ]:
        reg(name, fn)
    rt.globals.set_str(b"debug", lib)


# the upvalues of PUC's C closures among ylua's built-ins (what debug.upvalueid may name)
C_UPVALUES = {"gmatch_iterator": 3}


class UpvalueId:
    """A light userdata identifying an upvalue cell: equal ids for shared cells."""

    lua_type_name = "userdata"
    __slots__ = ("cell",)

    def __init__(self, cell: Cell):
        self.cell = cell

    def __eq__(self, other):
        return type(other) is UpvalueId and other.cell is self.cell

    def __hash__(self):
        return id(self.cell)
