"""Lua coroutines as greenlets.

Why greenlets: a coroutine may yield from anywhere inside its body — across pcall, from a metamethod, from an
iterator, from any nested activation of the dispatch loop — and each of those is a Python call stack of its own
(the VM re-enters itself for callbacks). A greenlet carries its whole stack, Python and C frames alike, so a yield
is just a switch to the resumer, with no need to make every part of the VM resumable.

Each coroutine also keeps the interpreter state that belongs to a thread of execution: the innermost running
frame (for tracebacks and error levels), the nesting depth of activations, and `jit_state` for the JIT's
per-thread stack of meta-tracing states.

Two pieces of PUC's thread state are emulated here as well:

- `nny`, the number of non-yieldable levels: a library function that calls back into Lua without a continuation
  (table.sort's comparator, string.gsub's callback, __tostring called by tostring, ...) makes the coroutine
  non-yieldable while it runs (`nonyieldable`); a yield there is "attempt to yield across a C-call boundary".
- pending to-be-closed variables: PUC does not unwind the stack of a coroutine that dies with an error, so its
  `<close>` variables stay pending until coroutine.close (or the failing coroutine.wrap call) closes them. The
  frames an unprotected error leaves in a coroutine are kept in `pending` instead of being closed by the VM's
  unwinding (`install` routes rt.close_frame through `_close_or_defer`); `protected` counts the protected calls
  (pcall, xpcall) running in the coroutine, inside which errors are caught and so close at once.
"""

from __future__ import annotations

import greenlet

from ylua.errors import LuaError


class Coroutine:
    lua_type_name = "thread"
    __slots__ = ("fn", "glet", "status", "saved", "depth_base", "jit_state", "nny", "protected", "pending",
                 "failure", "closing", "hook", "may_catch", "__weakref__")

    def __init__(self, fn):
        self.fn = fn
        self.glet = None
        self.status = "suspended"  # suspended | running | normal | dead
        self.saved = (None, None, 0)  # (cur_frame, c_builtin, c_depth - depth_base) while switched out
        self.depth_base = 0  # the C levels of its resumer (rt.c_depth when it was last resumed)
        self.jit_state = None
        self.nny = 0  # non-yieldable levels running
        self.protected = 0  # protected calls running
        self.pending = []  # frames whose to-be-closed variables wait for coroutine.close, innermost first
        self.failure = None  # the LuaError the coroutine died with, until it is closed
        self.closing = False
        self.hook = None  # the thread's debug hook while it is not running (rt.hook while it runs)
        self.may_catch = None  # whether the protected call that just failed may catch its error (see `catches`)

    def __repr__(self):
        return f"<coroutine {self.status}>"

    def __del__(self):
        # A suspended coroutine that nothing references any more (its own stack must not reference it: see `resume`
        # and `yield_`) is garbage, as in PUC. Killing its greenlet unwinds that stack, which runs the VM's
        # cleanups; they change the interpreter's state, so that is left to `finish_collected` (at a safe point)
        # and the object is kept until then.
        if self.glet is not None and self.glet:
            collected.append(self)


collected: list = []  # coroutines that became garbage while suspended, until finish_collected kills their greenlets


def finish_collected(rt) -> None:
    """Unwind the stacks of the suspended coroutines that became garbage (without closing their variables)."""
    while collected:
        co = collected.pop()
        if co.glet is None or not co.glet or co.status != "suspended":
            continue
        prev_recorder = rt.recorder
        try:
            _run(rt, co, lambda g: g.throw(greenlet.GreenletExit))
        except greenlet.GreenletExit:
            pass
        finally:
            co.glet = None
            co.status = "dead"
            alive = prev_recorder is not None and rt.jit_driver.recording is prev_recorder  # (it may have ended)
            rt.recorder = prev_recorder if alive else None


class _CloseUnwind(LuaError):
    """Thrown into a suspended coroutine by coroutine.close: unwinds it, calling __close with a nil error."""


def install(rt) -> None:
    """Route the VM's closing of to-be-closed variables during error unwinding through `_close_or_defer`."""
    plain = rt.close_frame

    def close_frame(frame, level, err):
        co = rt.current_coroutine
        if err is not None and co is not None and not co.protected and not co.closing:
            co.pending.append(frame)  # the coroutine dies with this error: PUC leaves its stack as it is
            return
        plain(frame, level, err)

    rt.close_frame = close_frame
    rt.plain_close_frame = plain


_NOT_SAVED = (None, None, 0)


def _switch_state(rt, co_from, co_to, returning=False):
    """Save the running thread's interpreter state and install the other one's. `returning`: control goes back to
    the resumer (a yield, return or error), rather than into a resumed coroutine."""
    if co_from is not None:
        co_from.saved = (rt.cur_frame, rt.c_builtin, rt.c_depth - co_from.depth_base)
        co_from.hook = rt.hook
    if not returning:  # as in PUC, a resumed coroutine's C levels count on from its resumer's
        co_to.depth_base = rt.c_depth
    rt.cur_frame, rt.c_builtin, depth = co_to.saved
    rt.c_depth = co_to.depth_base + depth
    co_to.saved = _NOT_SAVED  # a running thread's state is rt's (a stale copy would keep its values alive)
    rt.hook = co_to.hook  # each thread has its own hook, as in PUC
    rt.current_coroutine = co_to if co_to is not rt.main_thread else None
    hooks = rt.coroutine_switch_hooks
    if hooks:
        for hook in hooks:
            hook(co_from, co_to, returning)


def _run(rt, co: Coroutine, transfer):
    """Switch to `co`'s greenlet with `transfer(glet)` and come back: (kind, payload) as the greenlet reports."""
    prev = rt.current_coroutine or rt.main_thread
    co.glet.parent = greenlet.getcurrent()
    prev.status = "normal"
    co.status = "running"
    _switch_state(rt, prev, co)
    try:
        return transfer(co.glet)
    finally:
        _switch_state(rt, co, prev, True)
        prev.status = "running"


def resume(rt, co: Coroutine, args):
    """Run `co` until it yields, returns or fails: ('yield'|'return', values) or ('error', LuaError). (The hot path
    of every resume and wrap call: kept to one Python frame.)"""
    if co.status != "suspended":
        if co.status == "dead":
            return "error", LuaError(b"cannot resume dead coroutine")
        return "error", LuaError(b"cannot resume non-suspended coroutine")
    glet = co.glet
    if glet is None:

        fn = co.fn  # the stack of the coroutine must not reference the Coroutine object: see Coroutine.__del__

        def body(*first_args):
            try:
                return "return", rt.call(fn, list(first_args))
            except LuaError as e:
                return "error", e

        glet = co.glet = greenlet.greenlet(body)
        co.saved = (None, None, 0)
        send = args  # the body's arguments
    else:
        send = (tuple(args),)  # the results of its pending yield
    prev = rt.current_coroutine or rt.main_thread
    glet.parent = greenlet.getcurrent()
    prev.status = "normal"
    co.status = "running"
    # _switch_state(rt, prev, co) and, after the switch, _switch_state(rt, co, prev, True), written out: this runs
    # twice per resume and yield (coroutine_ring: a quarter of its time was the calls)
    depth = rt.c_depth
    prev.saved = (rt.cur_frame, rt.c_builtin, depth - prev.depth_base)
    prev.hook = rt.hook
    co.depth_base = depth
    rt.cur_frame, rt.c_builtin, inner = co.saved
    rt.c_depth = depth + inner
    co.saved = _NOT_SAVED
    rt.hook = co.hook
    rt.current_coroutine = co
    hooks = rt.coroutine_switch_hooks
    for hook in hooks:
        hook(prev, co, False)
    try:
        kind, payload = glet.switch(*send)
    finally:
        co.saved = (rt.cur_frame, rt.c_builtin, rt.c_depth - co.depth_base)
        co.hook = rt.hook
        rt.cur_frame, rt.c_builtin, inner = prev.saved
        rt.c_depth = prev.depth_base + inner
        prev.saved = _NOT_SAVED
        rt.hook = prev.hook
        rt.current_coroutine = prev if prev is not rt.main_thread else None
        for hook in hooks:
            hook(co, prev, True)
        prev.status = "running"
    if kind == "yield":
        co.status = "suspended"
    else:
        co.status = "dead"
        co.glet = None
        if kind == "error":
            co.failure = payload
    return kind, payload


def yield_(rt, values: tuple):
    co = rt.current_coroutine
    if co is None:
        raise LuaError(b"attempt to yield from outside a coroutine")
    if co.nny:
        raise LuaError(b"attempt to yield across a C-call boundary")
    resumer = co.glet.parent
    del co  # while suspended, its own stack must not reference the coroutine: see Coroutine.__del__
    return resumer.switch(("yield", list(values)))


def isyieldable(rt, co) -> bool:
    return co is not None and co is not rt.main_thread and not co.nny


def nonyieldable(rt, fn):
    """Wrap a built-in's Python function that calls back into Lua: while it runs, the coroutine cannot yield."""

    def wrapped(*args):
        co = rt.current_coroutine
        if co is None:
            return fn(*args)
        co.nny += 1
        try:
            return fn(*args)
        finally:
            co.nny -= 1

    return wrapped


def call_nonyieldable(rt, fn, *args):
    """fn(*args) as a non-yieldable level (see `nonyieldable`)."""
    return nonyieldable(rt, fn)(*args)


def pcall(rt, fn, args: list, yieldable: bool = True) -> list:
    """rt.call for a protected call: the errors it catches close the to-be-closed variables they unwind at once.
    A message handler runs as a non-yieldable level (yieldable=False)."""
    co = rt.current_coroutine
    if co is None:
        return rt.call(fn, args)
    co.protected += 1
    co.nny += not yieldable
    started_closing = co.closing
    try:
        return rt.call(fn, args)
    except LuaError:
        # a protected call that was running when the closing began is unwound with the coroutine; one that a
        # __close handler made catches its errors
        co.may_catch = started_closing or not co.closing
        raise
    finally:
        co.protected -= 1
        co.nny -= not yieldable


def catches(rt) -> bool:
    """Whether the protected call whose error is being handled may catch it (not while coroutine.close unwinds
    the coroutine through it)."""
    co = rt.current_coroutine
    if co is None:
        return True
    may, co.may_catch = co.may_catch, None
    return not co.closing if may is None else may


def close(rt, co: Coroutine):
    """coroutine.close: a suspended or dead coroutine becomes dead, its pending to-be-closed variables closed;
    (True,) or (False, error object) when it had died with an error or a __close failed."""
    if co.status in ("running", "normal"):
        raise LuaError(f"cannot close a {co.status} coroutine".encode(), needs_where=True)
    err = _unwind_suspended(rt, co) if co.glet is not None else close_pending(rt, co)
    co.status = "dead"
    return (True,) if err is None else (False, err.value)


def _unwind_suspended(rt, co: Coroutine):
    """Unwind a suspended coroutine's stack from its yield; the LuaError a __close raised, or None."""
    co.closing = True
    co.nny += 1
    try:
        kind, payload = _run(rt, co, lambda g: g.throw(_CloseUnwind(None)))
    finally:
        co.glet = None
        co.closing = False
        co.nny -= 1
    if kind == "error" and type(payload) is not _CloseUnwind:
        return payload
    return None


def close_pending(rt, co: Coroutine):
    """Close the to-be-closed variables a failed coroutine left pending, with its error (which a failing __close
    replaces); the resulting LuaError, or None for a coroutine that did not fail."""
    err, co.failure = co.failure, None
    pending, co.pending = co.pending, []
    if not pending:
        return err
    prev = rt.current_coroutine or rt.main_thread
    _switch_state(rt, prev, co)
    co.closing = True
    co.nny += 1
    status = co.status
    co.status, prev.status = "running", "normal"  # the handlers run in the coroutine (it cannot be resumed)
    try:
        for frame in pending:
            try:
                rt.plain_close_frame(frame, 0, err)
            except LuaError as e:
                err = e
    finally:
        co.closing = False
        co.nny -= 1
        co.status, prev.status = status, "running"
        _switch_state(rt, co, prev, True)
    return err


def thread_frames(rt, co: Coroutine):
    """The levels of a thread that is not running, innermost first: where it yields or resumes another one, or
    (as PUC keeps a failed coroutine's stack) where it raised the error it died with."""
    from ylua.frame import CFrame
    from ylua.traceback import chain, raise_point

    if co.status == "dead":
        top = raise_point(co.failure) if co.failure is not None else None
    else:
        cur_frame, c_builtin, _ = co.saved
        top = CFrame(c_builtin, cur_frame) if c_builtin is not None else cur_frame
    return list(chain(top))
