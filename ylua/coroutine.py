"""Lua coroutines as greenlets.

Why greenlets: a coroutine may yield from anywhere inside its body — across pcall, from a metamethod, from an
iterator, from any nested activation of the dispatch loop — and each of those is a Python call stack of its own
(the VM re-enters itself for callbacks). A greenlet carries its whole stack, Python and C frames alike, so a yield
is just a switch to the resumer, with no need to make every part of the VM resumable.

Each coroutine also keeps the interpreter state that belongs to a thread of execution: the innermost running
frame (for tracebacks and error levels), the nesting depth of activations, and `jit_state` for the JIT's
per-thread stack of meta-tracing states.
"""

from __future__ import annotations

import greenlet

from ylua.errors import LuaError


class Coroutine:
    lua_type_name = "thread"
    __slots__ = ("fn", "glet", "status", "saved", "jit_state", "__weakref__")

    def __init__(self, fn):
        self.fn = fn
        self.glet = None
        self.status = "suspended"  # suspended | running | normal | dead
        self.saved = (None, None, 0)  # (cur_frame, c_builtin, c_depth) while switched out
        self.jit_state = None

    def __repr__(self):
        return f"<coroutine {self.status}>"


def _switch_state(rt, co_from, co_to):
    """Save the running thread's interpreter state and install the other one's."""
    if co_from is not None:
        co_from.saved = (rt.cur_frame, rt.c_builtin, rt.c_depth)
    rt.cur_frame, rt.c_builtin, rt.c_depth = co_to.saved
    rt.current_coroutine = co_to if co_to is not rt.main_thread else None
    for hook in rt.coroutine_switch_hooks:
        hook(co_from, co_to)


def resume(rt, co: Coroutine, args: list):
    """Run `co` until it yields, returns or fails: ('yield'|'return', values) or ('error', LuaError)."""
    if co.status == "dead":
        return "error", LuaError(b"cannot resume dead coroutine")
    if co.status != "suspended":
        return "error", LuaError(b"cannot resume non-suspended coroutine")
    prev = rt.current_coroutine or rt.main_thread
    if co.glet is None:

        def body(*first_args):
            try:
                return "return", rt.call(co.fn, list(first_args))
            except LuaError as e:
                return "error", e

        co.glet = greenlet.greenlet(body)
        co.saved = (None, None, 0)
    co.glet.parent = greenlet.getcurrent()
    prev.status = "normal"
    co.status = "running"
    _switch_state(rt, prev, co)
    try:
        if co.glet:  # started: the values become the results of its pending yield
            kind, payload = co.glet.switch(tuple(args))
        else:
            kind, payload = co.glet.switch(*args)
    finally:
        _switch_state(rt, co, prev)
        prev.status = "running"
    co.status = "suspended" if kind == "yield" else "dead"
    if co.status == "dead":
        co.glet = None
    return kind, payload


def yield_(rt, values: tuple):
    co = rt.current_coroutine
    if co is None:
        raise LuaError(b"attempt to yield from outside a coroutine", needs_where=True)
    return co.glet.parent.switch(("yield", list(values)))


def close(rt, co: Coroutine):
    """coroutine.close: a suspended or dead coroutine becomes dead; (True,) or (False, err)."""
    if co.status in ("running", "normal"):
        raise LuaError(f"cannot close a {co.status} coroutine".encode(), needs_where=True)
    if co.glet is not None:
        glet = co.glet
        co.glet = None
        prev = rt.current_coroutine or rt.main_thread
        _switch_state(rt, prev, co)
        try:
            glet.throw(greenlet.GreenletExit)
        finally:
            _switch_state(rt, co, prev)
    co.status = "dead"
    return (True,)
