"""Python functions that compiled traces call for the general cases of Lua operations (metamethods, strings, the
hash part of tables, built-in calls). Each takes and returns Python objects; a Lua error propagates as an exception
and leaves the trace at the snapshot of the calling instruction, where the dispatch loop raises it (so that the
message gets the right position).
"""

from __future__ import annotations

from ylua import arith, weak
from ylua import opcodes as op
from ylua.jit_values import result_of
from ylua.stdlib.string import posrelat_start
from ylua.table import InvalidKey, LuaTable


class TraceHelpers:
    """The helpers bound to one interpreter (`rt`)."""

    def __init__(self, rt):
        self.rt = rt
        self.index = rt.index
        self.setindex = rt.setindex
        self.arith = {sym: self._arith_fn(sym) for sym in op.ARITH_OPS.values()}

        def unm(x):
            return arith.unm(rt, x)

        def bnot(x):
            return arith.bnot(rt, x)

        def length(x):
            return arith.length(rt, x)

        def concat(*vals):
            try:
                return b"".join(vals)
            except TypeError:
                return arith.concat(rt, list(vals))

        def concat_numbers(*vals):  # strings and numbers only (the trace checked their types)
            weak.tick(rt)
            return arith.concat_plain(vals)

        def eq(x, y):
            return arith.eq(rt, x, y)

        def lt(x, y):
            return arith.lt(rt, x, y)

        def le(x, y):
            return arith.le(rt, x, y)

        def settable(t, k, v):
            """t[k] = v for a table without a metatable (raw set; nil and NaN keys raise as in the VM)."""
            if type(t) is LuaTable and t.meta is None:
                try:
                    t.set(k, v)
                    return None
                except InvalidKey:
                    pass
            rt.setindex(t, k, v)
            return None

        def call_none(b, *args):
            """Call built-in `b` for no results (marked as the running built-in, as the VM does)."""
            rt.c_builtin = b
            b.fn(*args)
            rt.c_builtin = None

        def call_first(b, *args):
            """The first result of built-in `b` (nil when it returns none)."""
            rt.c_builtin = b
            res = b.fn(*args)
            rt.c_builtin = None
            return res[0] if res else None

        def call_n(n, b, *args):
            """Exactly `n` results of built-in `b`, as a tuple (padded with nils, extra results dropped)."""
            rt.c_builtin = b
            res = b.fn(*args)
            rt.c_builtin = None
            return exactly(n, res)

        def call_result(b, *args):
            """All the results of built-in `b` as a function trace returns them (a tail call's results)."""
            rt.c_builtin = b
            res = b.fn(*args)
            rt.c_builtin = None
            return result_of(res)

        def search(b, search_fn, s, pat, init):
            """string.find or string.match (built-in `b`) on a string, a pattern and an integer start: `search_fn`,
            lpattern_re's function for the results wanted (find_first or match_first: the first; find_all or
            match: all), without the library function's argument checks."""
            rt.c_builtin = b
            res = search_fn(s, pat, init if init > 0 else posrelat_start(init, len(s)))
            rt.c_builtin = None
            return res

        def search_n(n, b, search_fn, s, pat, init):
            """Exactly `n` results of a search, as call_n gives them."""
            return exactly(n, search(b, search_fn, s, pat, init))

        def search_result(b, search_fn, s, pat, init):
            """All the results of a search, as call_result gives them."""
            return result_of(search(b, search_fn, s, pat, init))

        self.search_first, self.search_n, self.search_result = search, search_n, search_result
        self.call_none, self.call_first, self.call_n, self.call_result = call_none, call_first, call_n, call_result
        self.unm, self.bnot, self.length, self.concat = unm, bnot, length, concat
        self.concat_numbers = concat_numbers
        self.eq, self.lt, self.le = eq, lt, le
        self.settable = settable

    def _arith_fn(self, sym):
        rt = self.rt

        def f(x, y):
            return arith.arith(rt, sym, x, y)

        f.__name__ = f"arith {sym}"
        return f


def exactly(n: int, res) -> tuple:
    """Results `res` as exactly `n` values (padded with nils, extra results dropped)."""
    k = len(res)
    if k == n:
        return tuple(res)
    if k > n:
        return tuple(res[:n])
    return tuple(res) + (None,) * (n - k)


def table_pop(t):
    """table.remove(t) of a table without a metatable (the library's t_remove with one argument): the last item of
    the array part, removed; of an empty one, t[0], cleared."""
    arr = t.arr
    if not arr:
        v = t.get(0)
        t.set(0, None)
        return v
    t.note_shrink()
    v = arr.pop()
    while arr and arr[-1] is None:
        arr.pop()
    return v


def table_remove_at(t, pos):
    """table.remove(t, pos) of a table without a metatable, with pos inside its array part (the trace guards both):
    what the library's t_remove does there, without its argument checks."""
    arr = t.arr
    v = arr[pos - 1]
    t.note_shrink()
    del arr[pos - 1]
    while arr and arr[-1] is None:
        arr.pop()
    return v


def set_list(t, first, *vals):
    """SETLIST: t[first + i] = vals[i]."""
    t.set_list(first, vals)
