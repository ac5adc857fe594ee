"""Weak tables (a metatable's __mode), emulated at collection points.

Tables hold their keys and values strongly (plain dicts and lists, which the VM and the JIT read directly), so a
weak table is made weak only while a collection runs: `collect` takes the collectable objects its weak parts hold
out of every weak table (keeping weak references), runs Python's collector, and puts back those that survived,
in their places. An entry whose weak key or value did not survive is removed, as PUC's collector clears it.

Collections happen at `collectgarbage("collect")` (and "step"), and automatically, the way PUC's collector runs
as a program allocates: `tick` counts allocations at a few allocation sites that are no fast path (a number
converted for a concatenation); every TICKS of them, if weak tables exist, a collection runs, at most as often as
keeps collections to a tenth of the running time. Both are safe points: Lua code may run there anyway.

Not emulated: ephemerons (the value of an entry with a weak key is held strongly during a collection, so a value
that refers to its own key keeps the entry); a __mode added to a metatable after setmetatable.
"""

from __future__ import annotations

import gc
import time
import weakref

from ylua.table import LuaTable
from ylua.values import Builtin, LuaFunction, Userdata

tables: weakref.WeakSet = weakref.WeakSet()  # tables that got a metatable with a __mode field

TICKS = 1000
_ticks = TICKS
_state = {"last_end": 0.0, "last_cost": 0.0}
_HOLE = object()  # stands in a dict entry, during a collection, for a value taken out


def register(t: LuaTable, mt) -> None:
    """setmetatable(t, mt): remember t if mt makes it weak."""
    if type(mt) is LuaTable and mt.hash.get(b"__mode") is not None:
        tables.add(t)


def tick(rt) -> None:
    """An allocation: now and then, a collection (only if there are weak tables to clear)."""
    global _ticks
    _ticks -= 1
    if _ticks > 0:
        return
    _ticks = TICKS
    if not tables:
        return
    if time.perf_counter() - _state["last_end"] >= 10 * _state["last_cost"]:
        collect(rt)


def _collectable_types():
    from ylua.coroutine import Coroutine

    return (LuaTable, LuaFunction, Builtin, Userdata, Coroutine)


def _mode(t: LuaTable):
    mt = t.meta
    mode = mt.hash.get(b"__mode") if mt is not None else None
    if type(mode) is not bytes:
        return False, False
    return b"k" in mode, b"v" in mode


def _take(t: LuaTable, coll):
    """Take the collectable objects out of t's weak parts: (t, array entries, hash entries to refill the dict
    with, or None, hash values taken out), or None for a table that is not weak (any more)."""
    wk, wv = _mode(t)
    if not (wk or wv):
        return None
    arr_saved = []
    if wv:
        arr = t.arr
        for i, v in enumerate(arr):
            if type(v) in coll:
                arr_saved.append((i, weakref.ref(v)))
                arr[i] = None
    h = t.hash
    rebuild = None
    holes = []
    if wk and any(type(k) in coll for k in h):
        # the keys leave the dict: it is refilled in the same order afterwards
        rebuild = [(weakref.ref(k) if type(k) in coll else k, weakref.ref(v) if wv and type(v) in coll else v)
                   for k, v in h.items()]
        h.clear()
        t._keys = t._keyidx = None
    elif wv:
        holes = [(k, weakref.ref(v)) for k, v in h.items() if type(v) in coll]
        for k, _ in holes:
            h[k] = _HOLE
    return t, arr_saved, rebuild, holes


def collect(rt) -> None:
    """A full collection: Python's collector, with the weak tables' weak references cleared as PUC's would be."""
    from ylua import coroutine as co_impl

    start = time.perf_counter()
    coll = _collectable_types()
    taken = [x for x in (_take(t, coll) for t in list(tables)) if x is not None]
    gc.collect()
    # coroutines that became garbage while suspended are resurrected until their stacks are unwound: dead for us
    doomed = {id(c) for c in co_impl.collected}

    def alive(ref):
        o = ref()
        return None if o is None or id(o) in doomed else o

    for t, arr_saved, rebuild, holes in taken:
        arr = t.arr
        for i, ref in arr_saved:
            arr[i] = alive(ref)
        if arr and arr[-1] is None:
            t.note_shrink()
            while arr and arr[-1] is None:
                arr.pop()
        h = t.hash
        if rebuild is not None:
            for kk, vv in rebuild:
                k = alive(kk) if type(kk) is weakref.ref else kk
                v = alive(vv) if type(vv) is weakref.ref else vv
                if k is not None and v is not None:
                    h[k] = v
        for k, ref in holes:
            v = alive(ref)
            if v is None:
                del h[k]
            else:
                h[k] = v
    del taken
    if co_impl.collected:
        co_impl.finish_collected(rt)
    end = time.perf_counter()
    _state["last_end"] = end
    _state["last_cost"] = end - start
