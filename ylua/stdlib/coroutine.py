"""The coroutine library (cf. PUC's lcorolib.c) over ylua.coroutine's greenlet-based threads."""

from __future__ import annotations

from ylua import coroutine as co_impl
from ylua.coroutine import Coroutine
from ylua.errors import ArgError, LuaError
from ylua.hooks import DebugHook
from ylua.stdlib.helpers import NOARG, arg, tname
from ylua.table import LuaTable
from ylua.values import Builtin, LuaFunction


def open_lib(rt) -> None:
    lib = LuaTable()
    rt.main_thread = Coroutine(None)
    rt.main_thread.status = "running"
    co_impl.install(rt)

    def check_co(args, i=1) -> Coroutine:
        co = arg(args, i)
        if type(co) is not Coroutine:
            raise ArgError(i, f"thread expected, got {tname(co)}")
        return co

    def c_create(*args):
        fn = arg(args, 1)
        if type(fn) not in (LuaFunction, Builtin):
            raise ArgError(1, f"function expected, got {tname(fn)}")
        if co_impl.collected:
            co_impl.finish_collected(rt)
        co = Coroutine(fn)
        h = rt.hook
        if h is not None:  # a new thread starts with its creator's hook (lua_newthread)
            co.hook = DebugHook(h.fn, h.mask, h.count)
        return (co,)

    def c_resume(co=NOARG, *args):
        if type(co) is not Coroutine:
            check_co(() if co is NOARG else (co,))
        kind, payload = co_impl.resume(rt, co, list(args))
        if kind == "error":
            return (False, payload.value)
        return [True] + payload

    def c_yield(*args):
        return co_impl.yield_(rt, args)

    statuses = {name: name.encode() for name in ("suspended", "running", "normal", "dead")}

    def status_of(co):
        """The status of Coroutine `co` (what a trace calls, having guarded the argument's type)."""
        if co is rt.current_coroutine or (co is rt.main_thread and rt.current_coroutine is None):
            return b"running"
        return statuses[co.status]

    def c_status(*args):
        co = args[0] if args else None
        if type(co) is not Coroutine:
            co = check_co(args)
        return (status_of(co),)

    c_status.jit_intrinsic = "status"  # of a coroutine: status_of alone (jit_record_intrinsics.py)
    c_status.jit_unchecked = status_of

    def c_running(*args):
        co = rt.current_coroutine
        return (co, False) if co is not None else (rt.main_thread, True)

    def c_isyieldable(*args):
        co = check_co(args) if args else rt.current_coroutine
        return (co_impl.isyieldable(rt, co),)

    def c_wrap(*args):
        (co,) = c_create(*args)

        def wrapped(*wargs):
            kind, payload = co_impl.resume(rt, co, wargs)
            if kind == "error":
                if co.failure is not None:  # an error in the coroutine: close its pending variables first
                    payload = co_impl.close_pending(rt, co)
                v = payload.value
                if type(v) is bytes:
                    v = rt.where(1) + v
                raise LuaError(v)
            return payload

        return (Builtin(wrapped, "wrap"),)

    def c_close(*args):
        return co_impl.close(rt, check_co(args))

    for name, fn in [("create", c_create), ("resume", c_resume), ("yield", c_yield), ("status", c_status),
                     ("running", c_running), ("isyieldable", c_isyieldable), ("wrap", c_wrap),
                     ("close", c_close)]:
        lib.set_str(name.encode(), Builtin(fn, name))
    rt.globals.set_str(b"coroutine", lib)
