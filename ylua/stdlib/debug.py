"""The debug library (cf. PUC's ldblib.c): traceback, getinfo, locals, upvalues, metatables, hooks."""

from __future__ import annotations

from ylua.errors import ArgError
from ylua.hooks import DebugHook
from ylua.stdlib.base import NOARG, typename_or_novalue
from ylua.table import LuaTable
from ylua.traceback import describe_function, traceback_text
from ylua.values import Builtin, Cell, LuaFunction


def open_lib(rt) -> None:
    lib = LuaTable()

    def reg(name, fn):
        lib.set_str(name.encode(), Builtin(fn, name))

    def frame_at(level):
        for i, f in enumerate(rt.frames(), 1):
            if i == level:
                return f
        return None

    def traceback(msg=None, level=None, *_):
        if type(msg) not in (bytes, int, float) and msg is not None:
            return (msg,)
        text = traceback_text(rt, rt.tostring(msg).decode("latin-1") if msg is not None else "",
                              level if type(level) is int else 1)
        return (text.encode("latin-1"),)

    def getinfo(what=NOARG, opts=b"flnSrtu", *_):
        if type(what) in (LuaFunction, Builtin):
            return (function_info(what, None, opts),)
        if type(what) not in (int, float):
            raise ArgError(1, "function or level expected")
        level = int(what)
        if level == 0:
            info = LuaTable()
            info.set_str(b"what", b"C")
            info.set_str(b"source", b"=[C]")
            info.set_str(b"short_src", b"[C]")
            info.set_str(b"currentline", -1)
            info.set_str(b"name", b"getinfo")
            info.set_str(b"namewhat", b"field")
            return (info,)
        f = frame_at(level)
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
        if frame is not None and frame.parent is not None:
            desc = describe_function(fn.proto, frame.parent.func.proto, frame.parent.pc)
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

    def getlocal(level=NOARG, n=NOARG, *_):
        if type(level) in (LuaFunction,):
            p = level.proto
            params = [lv.name for lv in p.locvars if lv.start_pc == 0][: p.num_params]
            return ((params[n - 1].encode(),) if 0 < n <= len(params) else (None,))
        f = frame_at(int(level)) if type(level) in (int, float) else None
        if f is None:
            raise ArgError(1, "level out of range")
        p = f.func.proto
        live = [lv for lv in p.locvars if lv.start_pc <= f.pc < lv.end_pc]
        if type(n) is not int:
            raise ArgError(2, f"number expected, got {typename_or_novalue(n)}")
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

    def setlocal(level=NOARG, n=NOARG, value=None, *_):
        f = frame_at(int(level)) if type(level) in (int, float) else None
        if f is None:
            raise ArgError(1, "level out of range")
        p = f.func.proto
        live = [lv for lv in p.locvars if lv.start_pc <= f.pc < lv.end_pc]
        if type(n) is int and 0 < n <= len(live):
            lv = live[n - 1]
            if type(f.regs[lv.reg]) is Cell:
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
            fn.upvals[n - 1].v = value
            return (fn.proto.upvals[n - 1].name.encode(),)
        return ()

    def upvalueid(fn=NOARG, n=NOARG, *_):
        if type(fn) is LuaFunction and type(n) is int and 0 < n <= len(fn.upvals):
            return (UpvalueId(fn.upvals[n - 1]),)
        raise ArgError(2, "invalid upvalue index")

    def upvaluejoin(f1=NOARG, n1=NOARG, f2=NOARG, n2=NOARG, *_):
        if type(f1) is not LuaFunction or not (type(n1) is int and 0 < n1 <= len(f1.upvals)):
            raise ArgError(2, "invalid upvalue index")
        if type(f2) is not LuaFunction or not (type(n2) is int and 0 < n2 <= len(f2.upvals)):
            raise ArgError(4, "invalid upvalue index")
        f1.upvals[n1 - 1] = f2.upvals[n2 - 1]
        return ()

    def getmetatable(v=NOARG, *_):
        return (rt.getmetatable(v),)

    def setmetatable(v=NOARG, mt=None, *_):
        if mt is not None and type(mt) is not LuaTable:
            raise ArgError(2, "nil or table expected")
        from ylua.values import Userdata, type_name

        if type(v) in (LuaTable, Userdata):
            v.meta = mt
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
        if args and type(args[0]).__name__ == "Coroutine":
            args = args[1:]  # one hook for every thread
        fn = args[0] if args else None
        mask = args[1] if len(args) > 1 and type(args[1]) is bytes else b""
        count = args[2] if len(args) > 2 and type(args[2]) is int else 0
        if fn is None or (not mask and count <= 0):
            rt.hook = None
        else:
            rt.hook = DebugHook(fn, mask, count)
        return ()

    def gethook(*_):
        h = rt.hook
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
