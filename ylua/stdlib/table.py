"""The table library (cf. PUC's ltablib.c), honouring __index/__newindex/__len as 5.4 does."""

from __future__ import annotations

from ylua import coroutine as co_impl
from ylua.errors import ArgError, lua_error
from ylua.numconv import fmt_number
from ylua.stdlib.helpers import arg, check_int, opt_int, opt_string, tname
from ylua.table import LuaTable
from ylua.values import Builtin, LuaFunction, type_name

MAX_RESULTS = 999950  # table.unpack: "too many results" beyond what fits PUC's stack (LUAI_MAXSTACK)


def open_lib(rt) -> None:
    lib = LuaTable()

    def raw(t):
        return type(t) is LuaTable and t.meta is None

    def get(t, i):
        if type(t) is LuaTable:
            v = t.get(i)
            if v is not None or t.meta is None:  # __index only answers for absent keys
                return v
        return co_impl.call_nonyieldable(rt, rt.index, t, i)

    def put(t, i, v):
        if raw(t):
            t.set(i, v)
        else:
            co_impl.call_nonyieldable(rt, rt.setindex, t, i, v)

    def length(t):
        if raw(t):
            return len(t.arr)
        n = co_impl.call_nonyieldable(rt, rt.len, t)
        if type(n) is not int:
            if type(n) is float and n.is_integer():
                return int(n)
            raise lua_error("object length is not an integer")
        return n

    def check_tablelike(args, i, events=(b"__index", b"__newindex", b"__len")):
        """PUC's checktab: a table, or a value whose metatable has every metamethod in `events` the caller uses."""
        t = arg(args, i)
        if type(t) is LuaTable:
            return t
        mt = rt.getmetatable(t)
        if mt is not None and all(mt.get_str(e) is not None for e in events):
            return t
        raise ArgError(i, f"table expected, got {tname(t)}")

    def t_insert(*args):
        t = check_tablelike(args, 1)
        e = length(t) + 1
        if e > 0x7FFFFFFFFFFFFFFF:  # wraps around (luaL_intop)
            e = -0x8000000000000000
        if len(args) == 2:
            put(t, e, args[1])
            return ()
        if len(args) != 3:
            raise lua_error("wrong number of arguments to 'insert'")
        pos = check_int(args, 2)
        if (pos - 1) % 2**64 >= e % 2**64:  # PUC's unsigned test: pos in [1, e]
            raise ArgError(2, "position out of bounds")
        if raw(t) and e == len(t.arr) + 1 and args[2] is not None:
            t.arr.insert(pos - 1, args[2])
            t._migrate_from_hash()
            return ()
        for i in range(e, pos, -1):
            put(t, i, get(t, i - 1))
        put(t, pos, args[2])
        return ()

    def t_remove(*args):
        t = check_tablelike(args, 1)
        size = length(t)
        pos = opt_int(args, 2, size)
        if len(args) >= 2 and size + 1 != pos and not 1 <= pos <= size + 1:
            if size != 0 or pos not in (0, size):
                raise ArgError(1, "position out of bounds")  # sic: lua5.4.4 blames argument #1
        v = get(t, pos)
        if raw(t) and 1 <= pos <= size == len(t.arr):
            t.note_shrink()
            del t.arr[pos - 1]
            while t.arr and t.arr[-1] is None:
                t.arr.pop()
            return (v,)
        while pos < size:
            put(t, pos, get(t, pos + 1))
            pos += 1
        if pos <= size or len(args) >= 2:
            put(t, pos, None)
        return (v,)

    def t_concat(*args):
        t = check_tablelike(args, 1, (b"__index", b"__len"))
        sep = opt_string(args, 2, b"")
        i = opt_int(args, 3, 1)
        j = opt_int(args, 4, length(t)) if len(args) < 4 or args[3] is None else check_int(args, 4)
        if i >= 1 and raw(t) and j <= len(t.arr):
            try:  # a plain list of strings: one join (anything else is converted or reported below)
                return (sep.join(t.arr[i - 1:j]),)
            except TypeError:
                pass
        parts = []
        for k in range(i, j + 1):
            v = get(t, k)
            if type(v) is bytes:
                parts.append(v)
            elif type(v) in (int, float):
                parts.append(fmt_number(v))
            else:
                raise lua_error(f"invalid value ({type_name(v)}) at index {k} in table for 'concat'")
        return (sep.join(parts),)

    def t_pack(*args):
        t = LuaTable(list(args))
        while t.arr and t.arr[-1] is None:
            t.arr.pop()
        for i in range(len(t.arr), len(args)):
            if args[i] is not None:
                t.set(i + 1, args[i])
        t.set_str(b"n", len(args))
        return (t,)

    def t_unpack(*args):
        t = arg(args, 1)
        i = opt_int(args, 2, 1)
        j = opt_int(args, 3, length(t)) if len(args) < 3 or args[2] is None else check_int(args, 3)
        if i > j:
            return ()
        if j - i >= MAX_RESULTS:
            raise lua_error("too many results to unpack")
        if type(t) is LuaTable and i >= 1 and j <= len(t.arr):
            vals = t.arr[i - 1:j]
            if t.meta is None or None not in vals:  # __index only answers for absent keys
                return tuple(vals)
        return tuple(get(t, k) for k in range(i, j + 1))

    def t_move(*args):
        a1 = check_tablelike(args, 1, (b"__index",))
        f = check_int(args, 2)
        e = check_int(args, 3)
        t = check_int(args, 4)
        a2 = check_tablelike(args, 5, (b"__newindex",)) if len(args) >= 5 and args[4] is not None else a1
        if e >= f:
            if not (f > 0 or e < 2**63 - 1 + f):
                raise ArgError(3, "too many elements to move")
            if t > 2**63 - 1 - (e - f):
                raise ArgError(4, "destination wrap around")
            if t > e or t <= f or a1 is not a2:
                for k in range(e - f + 1):
                    put(a2, t + k, get(a1, f + k))
            else:
                for k in range(e - f, -1, -1):
                    put(a2, t + k, get(a1, f + k))
        return (a2,)

    def t_sort(*args):
        t = check_tablelike(args, 1)
        n = length(t)
        if n < 2:
            return ()
        if n >= 2**31 - 1:  # INT_MAX
            raise ArgError(1, "array too big")
        comp = arg(args, 2) if len(args) >= 2 and args[1] is not None else None
        if comp is not None and type(comp) is not LuaFunction and type(comp) is not Builtin:
            raise ArgError(2, f"function expected, got {tname(comp)}")
        values = t.arr[:n] if raw(t) else [get(t, i) for i in range(1, n + 1)]  # (a raw table's n is len(arr))
        if comp is None:
            if plainly_ordered(values):
                values.sort()
                store_sorted(t, values)
                return ()
            less = rt.lt
        else:
            def less(a, b):
                res = rt.call(comp, [a, b])
                return bool(res) and res[0] is not None and res[0] is not False
        sort_values(values, less)
        store_sorted(t, values)
        return ()

    def store_sorted(t, values):
        """t[1..n] = values, at once into a plain table's array part when it still has exactly those slots (a
        comparator may have changed the table) and no value is nil."""
        if raw(t) and len(t.arr) == len(values) and None not in values:
            t.arr[:] = values
            return
        for i, v in enumerate(values, 1):
            put(t, i, v)

    # Functions a trace may compute natively (ylua/jit_record_intrinsics.py) instead of calling them.
    t_insert.jit_intrinsic = "insert"
    t_pack.jit_intrinsic = "pack"
    t_remove.jit_intrinsic = "remove"
    for name, fn in [("insert", t_insert), ("remove", t_remove), ("concat", t_concat), ("pack", t_pack),
                     ("unpack", t_unpack), ("move", t_move), ("sort", co_impl.nonyieldable(rt, t_sort))]:
        lib.set_str(name.encode(), Builtin(fn, name))
    rt.globals.set_str(b"table", lib)


def plainly_ordered(values: list) -> bool:
    """Whether `values` are all strings or all integers: then Lua's `<` is Python's, and equal values cannot be told
    apart, so any correct sort (Python's) leaves the array exactly as lua5.4's quicksort does. (Floats may be -0.0
    and 0.0, equal but printed differently, or NaN; mixed numbers may be 1 and 1.0.)"""
    kind = type(values[0])
    if kind is not bytes and kind is not int:
        return False
    for v in values:
        if type(v) is not kind:
            return False
    return True


def sort_values(a: list, less) -> None:
    """An in-place quicksort that calls `less` like PUC's auxsort does, detecting inconsistent comparators
    ("invalid order function for sorting") instead of running off the array."""

    def partition(lo, up):
        pivot = a[up - 1]
        i, j = lo, up - 1
        while True:
            i += 1
            while less(a[i], pivot):
                if i == up - 1:
                    raise lua_error("invalid order function for sorting")
                i += 1
            j -= 1
            while less(pivot, a[j]):
                if j < lo:
                    raise lua_error("invalid order function for sorting")
                j -= 1
            if j < i:
                a[up - 1], a[i] = a[i], a[up - 1]
                return i
            a[i], a[j] = a[j], a[i]

    stack = [(0, len(a) - 1)]
    while stack:
        lo, up = stack.pop()
        while up - lo >= 1:
            if less(a[up], a[lo]):
                a[lo], a[up] = a[up], a[lo]
            if up - lo == 1:
                break
            mid = (lo + up) // 2
            if less(a[mid], a[lo]):
                a[mid], a[lo] = a[lo], a[mid]
            elif less(a[up], a[mid]):
                a[mid], a[up] = a[up], a[mid]
            if up - lo == 2:
                break
            a[mid], a[up - 1] = a[up - 1], a[mid]
            p = partition(lo, up)
            if p - lo < up - p:
                stack.append((p + 1, up))
                up = p - 1
            else:
                stack.append((lo, p - 1))
                lo = p + 1
