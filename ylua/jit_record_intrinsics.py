"""Built-in functions recorded as native operations (LuaJIT's recff_* fast functions): string.len, byte, sub and
char with lstrlib's index rules, specialised on which rule applies; math.floor/ceil/abs/min/max/sqrt and the libm
functions on numbers of known kinds; the step of an ipairs loop over a table without a metatable, and that of a
pairs loop (`next`) through the array part and through the hash part's key snapshot (ylua/table.py's LuaTable.next);
table.insert(t, v) as the store t[#t + 1] = v and table.remove(t [, pos]) as one helper call, on tables without a
metatable; table.pack of values that are not nil (a table made natively); tonumber(v) of a number or a string;
math.type; coroutine.status of a coroutine; ipairs and pairs (no call).
"""

from __future__ import annotations

from jit.ir import const_obj
from jit.ir.semantics import LIBM_UNARY
from jit.recorder import TraceAbort
from ylua.jit_helpers import table_pop, table_remove_at
from ylua.jit_record_tables import HASH_KEYS, T_ARR, T_HASH, T_KEYIDX, T_KEYS, T_META
from ylua.table import LuaTable
from ylua.coroutine import Coroutine
from ylua.jit_values import NIL, TV, const_tv
from ylua.numconv import str2number
from ylua.stdlib import lpattern_re
from ylua.values import LuaFunction, type_name

STRING_INTRINSICS = frozenset(("len", "byte", "sub", "char"))
STEPPED_KEYS = (bytes, int, LuaTable, LuaFunction)  # hash keys a native `next` step returns (as themselves)
STRING_SEARCHES = {"find": lpattern_re.find_first, "match": lpattern_re.match_first}
STRING_SEARCHES_ALL = {"find": lpattern_re.find_all, "match": lpattern_re.match}
MATH_TYPES = {"int": b"integer", "float": b"float"}
ITERATIONS = frozenset(("ipairs", "pairs"))  # what a generic for calls to start: results known without a call
# intrinsics whose library function returns exactly one value, whatever its arguments
ONE_RESULT = frozenset(("type", "math_type", "setmetatable", "pack", "tonumber", "status", "len", "sub", "char",
                        "floor", "ceil", "abs", "sqrt", "min", "max", *LIBM_UNARY))


class RecordIntrinsics:
    """The intrinsic part of RecordOps (a mixin of LuaRecording)."""

    def string_len(self, a, nargs):
        s = self.typed_reg(a + 1)
        return TV(self.rec.op("bytes_len", s.v), "int") if s.kind == "str" else None

    def string_index(self, s_tv, i_tv, i_val, n):
        """The 0-based index of Lua position i (posrelat: negative counts from the end) in a string of length n
        when it falls inside the string (guarded), else None."""
        rec = self.rec
        length = rec.op("bytes_len", s_tv.v)
        if 1 <= i_val <= n:
            idx = rec.op("int_sub", i_tv.v, rec.const(1))
        elif -n <= i_val <= -1:
            idx = rec.op("int_add", length, i_tv.v)
        else:
            return None
        self.guard("guard_true", rec.op("int_ult", idx, length))
        if i_val < 0:  # a positive index whose int_ult holds is the other rule's
            self.guard("guard_true", rec.op("int_lt", i_tv.v, rec.const(0)))
        return idx

    def string_byte(self, a, nargs):
        """The first byte string.byte returns, for a call site that wants one value."""
        vals = self.string_bytes(a, nargs)
        return vals[0] if vals else None

    def string_bytes(self, a, nargs):
        """string.byte(s [, i [, j]]) as a list of TVs: one byte that is there (i may count from the end), or the
        bytes i..j, all inside the string (their number fixed by the recording behind a guard on j - i). None to
        call the library (no byte, or a range reaching outside the string)."""
        s = self.typed_reg(a + 1)
        if s.kind != "str" or nargs > 3:
            return None
        n = len(self.runtime_value(a + 1))
        i, iv = (self.typed_reg(a + 2), self.runtime_value(a + 2)) if nargs >= 2 else (const_tv(1), 1)
        j, jv = (self.typed_reg(a + 3), self.runtime_value(a + 3)) if nargs == 3 else (i, iv)
        if i.kind != "int" or j.kind != "int" or (j is not i and not 1 <= iv <= jv <= n):
            return None
        first = self.string_index(s, i, iv, n)
        if first is None:
            return None
        rec = self.rec
        if j is i:
            return [TV(rec.op("bytes_getbyte", s.v, first), "int")]
        self.string_index(s, j, jv, n)  # the last byte is inside too
        self.guard("guard_true", rec.op("int_eq", rec.op("int_sub", j.v, i.v), rec.const(jv - iv)))
        return [TV(rec.op("bytes_getbyte", s.v, first if k == 0 else rec.op("int_add", first, rec.const(k))), "int")
                for k in range(jv - iv + 1)]

    def string_sub(self, a, nargs):
        """string.sub(s, i [, j]) when i and j each follow one of lstrlib's rules (from the start, from the end, j
        past the end), specialised on which."""
        rec = self.rec
        s = self.typed_reg(a + 1)
        if s.kind != "str" or nargs not in (2, 3):
            return None
        i = self.typed_reg(a + 2)
        j = self.typed_reg(a + 3) if nargs == 3 else const_tv(-1)
        if i.kind != "int" or j.kind != "int":
            return None
        text = self.runtime_value(a + 1)
        n = len(text)
        iv, jv = self.runtime_value(a + 2), self.runtime_value(a + 3) if nargs == 3 else -1
        length = rec.op("bytes_len", s.v)
        # start (0-based) of posrelatI(i)
        if iv >= 1:
            self.guard_int_compare("int_ge", i.v, 1, True)
            start, sv = rec.op("int_sub", i.v, rec.const(1)), iv - 1
        elif -n <= iv <= -1:
            self.guard_int_compare("int_lt", i.v, 0, True)
            start, sv = rec.op("int_add", length, i.v), n + iv
            self.guard("guard_true", rec.op("int_ge", start, rec.const(0)))
        else:
            return None
        # end (exclusive) of getendpos(j)
        if 0 <= jv <= n:
            self.guard_int_compare("int_ge", j.v, 0, True)
            self.guard("guard_true", rec.op("int_le", j.v, length))
            stop, ev = j.v, jv
        elif -n <= jv <= -1:
            self.guard_int_compare("int_lt", j.v, 0, True)
            stop, ev = rec.op("int_add", rec.op("int_add", length, j.v), rec.const(1)), n + jv + 1
            self.guard("guard_true", rec.op("int_ge", stop, rec.const(0)))
        elif jv > n:
            self.guard("guard_true", rec.op("int_gt", j.v, length))
            stop, ev = length, n
        else:
            return None
        if sv >= ev:  # empty: start at or past the end
            self.guard("guard_true", rec.op("int_ge", start, stop))
            return const_tv(b"")
        self.guard("guard_true", rec.op("int_lt", start, stop))
        if sv > 0 or ev < n:
            self.guard("guard_true", rec.op("int_le", stop, length))
        return TV(self.raising("bytes_slice", s.v, start, stop), "str")

    def guard_int_compare(self, name, v, k, expect):
        if not v.is_const():
            self.guard("guard_true" if expect else "guard_false", self.rec.op(name, v, self.rec.const(k)))

    def string_char(self, a, nargs):
        """string.char(b) of one byte."""
        if nargs != 1:
            return None
        b = self.typed_reg(a + 1)
        if b.kind != "int" or not 0 <= self.runtime_value(a + 1) <= 255:
            return None
        self.guard("guard_true", self.rec.op("int_ult", b.v, self.rec.const(256)))
        return TV(self.rec.op("bytes_char", b.v), "str")

    def record_assert(self, a, args) -> list:
        """assert(v, ...) that holds is a guard on v's truth and returns its arguments (returned here). The guard
        resumes at the call itself, so a failing assertion is raised by the interpreter, with its frames and
        message."""
        first = self.typed_reg(a + 1)
        t = self.truth(first)
        if t is False:
            raise TraceAbort("an assertion that fails")
        if t is not True:
            self.guard("guard_true", t)
        return [first] + args[1:]

    def intrinsic(self, name, a, nargs):
        """The TV of type(v), math.<name>(...) or string.<name>(...) on the arguments in registers a+1.. computed
        natively, or None when their kinds need the library function."""
        rec = self.rec
        if name == "type":  # the name of the type the argument is guarded to have: a constant
            if nargs != 1:
                return None
            self.typed_reg(a + 1)
            return const_tv(type_name(self.runtime_value(a + 1)).encode())
        if name == "math_type":  # "integer", "float" or nil (fail), from the kind the trace guards
            if nargs != 1:
                return None
            kind = self.typed_reg(a + 1).kind
            return const_tv(MATH_TYPES[kind]) if kind in MATH_TYPES else NIL
        if name == "setmetatable":
            return self.set_metatable(a, nargs)
        if name == "tonumber":
            return self.to_number(a, nargs)
        if name == "status":  # coroutine.status of a coroutine: the library's status_of, without the checks
            if nargs != 1 or type(self.runtime_value(a + 1)) is not Coroutine:
                return None
            co = self.typed_reg(a + 1)
            status_of = self.runtime_value(a).fn.jit_unchecked
            return TV(self.raising("call", const_obj(status_of), co.v), "str")
        if name == "insert":
            return self.table_insert(a, nargs)
        if name == "pack":
            return self.table_pack(a, nargs)
        if name == "remove":
            return self.table_remove(a, nargs)
        if name in STRING_INTRINSICS:
            return getattr(self, "string_" + name)(a, nargs)
        if name in STRING_SEARCHES:
            return self.string_search(STRING_SEARCHES[name], a, nargs)
        if name in ("min", "max"):
            if nargs != 2:
                return None
            x, y = self.typed_reg(a + 1), self.typed_reg(a + 2)
            if x.kind == y.kind == "float":
                return TV(rec.op("float_" + name, x.v, y.v), "float")
            return None
        if name in LIBM_UNARY and nargs != 1:  # math.log(x, base)
            return None
        x = self.typed_reg(a + 1)
        if x.kind == "int":
            if name in ("floor", "ceil"):
                return x
            if name == "sqrt" or name in LIBM_UNARY:
                return TV(rec.op("float_" + name, rec.op("int_to_float", x.v)), "float")
            if name == "abs":  # wraps for the minimum integer, as lua5.4's does
                negative = rec.op("int_lt", x.v, rec.const(0))
                return TV(rec.op("int_select", negative, rec.op("int_neg", x.v), x.v), "int")
            return None
        if x.kind != "float":
            return None
        if name in ("floor", "ceil"):
            # an integral float becomes an integer when it fits; inf, nan and huge values are left to the library
            r = rec.op("float_" + name, x.v)
            self.guard("guard_true", rec.op("float_is_int64", r))
            return TV(rec.op("float_to_int", r), "int")
        return TV(rec.op("float_" + name, x.v), "float")

    def to_number(self, a, nargs):
        """tonumber(v) of a number (itself) or of a string: the numeral's conversion as one helper call, without
        the library function's argument checks and result tuple (strbuild converted a million fields this way)."""
        if nargs != 1:
            return None
        v = self.typed_reg(a + 1)
        if v.kind in ("int", "float"):
            return v
        if v.kind != "str":
            return None
        return TV(self.raising("call", const_obj(str2number), v.v), "any")

    def iteration_start(self, f, a):
        """ipairs(v), or pairs(t) of a table without a metatable (guarded): the library's results - its iterator
        (f.jit_iterator, a constant), the argument and the first control value - with no call (havlak called
        ipairs half a million times to start short loops)."""
        if f.jit_intrinsic == "ipairs":
            return [const_tv(f.jit_iterator), self.get(a + 1), const_tv(0)]
        t = self.typed_reg(a + 1)
        if t.kind != "table" or self.runtime_value(a + 1).meta is not None:
            return None
        self.guard_no_meta(t)
        return [const_tv(f.jit_iterator), t, NIL]

    def ipairs_step(self, a, b) -> bool:
        """The ipairs iterator's step (a generic for's TFORCALL at register a, b variables) over a table without a
        metatable: the next item of the array part behind a bounds guard, or the end of the loop past it when the
        table has no hash part. False when the call is recorded as a call."""
        rec = self.rec
        t, i = self.typed_reg(a + 1), self.typed_reg(a + 2)
        t_val, i_val = self.runtime_value(a + 1), self.runtime_value(a + 2)
        if t.kind != "table" or i.kind != "int" or t_val.meta is not None:
            return False
        if not 0 <= i_val < len(t_val.arr) and t_val.hash:
            return False  # the item may be in the hash part
        self.guard_no_meta(t)
        within = rec.op("int_ult", i.v, self.array_len(t))  # i is the index of item i + 1
        vf = self.vframes[-1]
        if 0 <= i_val < len(t_val.arr):
            self.guard("guard_true", within)
            v = rec.op("list_getitem", rec.op("getslot", t.v, rec.const(T_ARR)), i.v)
            if t_val.arr[i_val] is None:  # a hole ends the loop
                self.guard("guard_is", v, const_obj(None))
                self.store_results(vf, a + 4, b + 1, [NIL])
                return True
            self.guard("guard_is_not", v, const_obj(None))
            self.store_results(vf, a + 4, b + 1, [TV(rec.op("int_add", i.v, rec.const(1)), "int"), TV(v, "any")])
            return True
        self.guard("guard_false", within)
        self.guard_no_hash(t)
        self.store_results(vf, a + 4, b + 1, [NIL])
        return True

    def next_step(self, a, b) -> bool:
        """`next`'s step in a generic for (TFORCALL at register a, b variables), as LuaTable.next takes it: after
        an integer key, the next item of the array part (or the end, past it, when the table has no hash part);
        after a key of the hash part, the key that follows it in the table's key snapshot and its value. Each case
        behind guards that it is the one the recording saw; the first step too, into an array part, into a hash
        part that has its key snapshot, or of an empty table. False (recorded as a call) for the others: a first
        step into a hash part without a snapshot (next makes it), a hole, a deleted key, the step from the array
        part into the hash part. `next` ignores metatables."""
        t, k = self.typed_reg(a + 1), self.typed_reg(a + 2)
        t_val, k_val = self.runtime_value(a + 1), self.runtime_value(a + 2)
        if t.kind != "table":
            return False
        if k.kind == "nil":
            vals = self.first_step(t, t_val)
        elif k.kind == "int" and 0 < k_val <= len(t_val.arr):
            vals = self.next_in_array(t, k, t_val, k_val)
        elif k.kind in HASH_KEYS and t_val._keys is not None:
            vals = self.next_in_hash(t, k, t_val, k_val)
        else:
            return False
        if vals is None:
            return False
        self.store_results(self.vframes[-1], a + 4, b + 1, vals)
        return True

    def first_step(self, t, t_val):
        """next(t) of a table whose array part starts with an item (1 and that item), of a table with no array
        part and a key snapshot (its first key and value), or of an empty table (the end), else None."""
        rec = self.rec
        if t_val.arr and t_val.arr[0] is not None:
            self.guard("guard_true", rec.op("int_lt", rec.const(0), self.array_len(t)))
            v = rec.op("list_getitem", rec.op("getslot", t.v, rec.const(T_ARR)), rec.const(0))
            self.guard("guard_is_not", v, const_obj(None))
            return [const_tv(1), TV(v, "any")]
        if t_val.arr or (t_val.hash and t_val._keys is None):
            return None
        self.guard("guard_true", rec.op("int_eq", self.array_len(t), rec.const(0)))
        if not t_val.hash:
            self.guard_no_hash(t)
            return [NIL]
        return self.hash_step(t, t_val, self.key_snapshot(t), rec.const(0), 0)

    def next_in_array(self, t, k, t_val, k_val):
        rec = self.rec
        n = len(t_val.arr)
        if k_val == n:  # past the array part: the end when there is no hash part
            if t_val.hash:
                return None
            self.guard("guard_true", rec.op("int_eq", k.v, self.array_len(t)))
            self.guard_no_hash(t)
            return [NIL]
        if t_val.arr[k_val] is None:
            return None
        self.guard("guard_true", rec.op("int_ge", k.v, rec.const(1)))
        self.guard("guard_true", rec.op("int_lt", k.v, self.array_len(t)))
        v = rec.op("list_getitem", rec.op("getslot", t.v, rec.const(T_ARR)), k.v)  # item k + 1
        self.guard("guard_is_not", v, const_obj(None))
        return [TV(rec.op("int_add", k.v, rec.const(1)), "int"), TV(v, "any")]

    def next_in_hash(self, t, k, t_val, k_val):
        pos_val = t_val._keyidx.get(k_val)
        if pos_val is None:
            return None
        rec = self.rec
        keys = self.key_snapshot(t)
        pos = rec.op("dict_get", rec.op("getslot", t.v, rec.const(T_KEYIDX)), k.v)
        self.guard("guard_is_not", pos, const_obj(None))
        return self.hash_step(t, t_val, keys, rec.op("int_add", rec.op("unbox_int", pos), rec.const(1)), pos_val + 1)

    def key_snapshot(self, t):
        """The key snapshot of table t (T_KEYS), guarded to be there."""
        keys = self.rec.op("getslot", t.v, self.rec.const(T_KEYS))
        self.guard("guard_is_not", keys, const_obj(None))
        return keys

    def hash_step(self, t, t_val, keys, at, at_val):
        """What `next` returns from position `at` (at_val now) of the key snapshot `keys`: the key there and its
        value, or the end past the last key, behind guards; None when that key is one a native step does not
        return (a boolean or float key, or one deleted during the traversal, which `next` skips)."""
        rec = self.rec
        keys_val = t_val._keys
        count = rec.op("list_len", keys)
        if at_val == len(keys_val):  # past the last key: the end
            self.guard("guard_true", rec.op("int_ge", at, count))
            return [NIL]
        key_val = keys_val[at_val]
        if type(key_val) not in STEPPED_KEYS or t_val.hash.get(key_val) is None:
            return None
        self.guard("guard_true", rec.op("int_lt", at, count))
        key = rec.op("list_getitem", keys, at)
        v = rec.op("dict_get", rec.op("getslot", t.v, rec.const(T_HASH)), key)
        self.guard("guard_is_not", v, const_obj(None))
        return [self.typed(TV(key, "any"), key_val), TV(v, "any")]

    def search_args(self, a, nargs, search):
        """The helper arguments of string.find(s, pattern [, init]) or string.match(...) in register a with the
        search function `search` (lpattern_re's), on strings and an integer init; None when the kinds need the
        library function."""
        if nargs not in (2, 3):
            return None
        s, p = self.typed_reg(a + 1), self.typed_reg(a + 2)
        init = self.typed_reg(a + 3) if nargs == 3 else TV(self.rec.const(1), "int")
        if s.kind != "str" or p.kind != "str" or init.kind != "int":
            return None
        return [const_obj(self.runtime_value(a)), const_obj(search), s.v, p.v, self.obj(init)]

    def string_search(self, search, a, nargs):
        """string.find or string.match for its first result: one helper call that skips the library's argument
        checks (the search itself is the library's)."""
        args = self.search_args(a, nargs, search)
        return None if args is None else TV(self.raising("call", const_obj(self.helpers.search_first), *args), "any")

    def string_search_results(self, a, nargs, c) -> bool:
        """string.find or string.match for several results (CALL's C is `c`: 0 or more than 2; `select(2,
        s:find(p, i))` wants them all), the same way. False when the kinds need the library (or the call wants
        none)."""
        search = STRING_SEARCHES_ALL[self.runtime_value(a).fn.jit_intrinsic]
        args = None if c == 1 else self.search_args(a, nargs, search)
        if args is None:
            return False
        self.helper_results(self.helpers.search_n, self.helpers.search_result, args, a, c)
        return True

    def table_insert(self, a, nargs):
        """table.insert(t, v) of a table without a metatable and a value that is not nil: the store t[#t + 1] = v
        (an append to the array part when the table has no hash part; table_set guards that t has no metatable).
        Returns nil, for its no results."""
        if nargs != 2:
            return None
        t, t_val, v_val = self.typed_reg(a + 1), self.runtime_value(a + 1), self.runtime_value(a + 2)
        if t.kind != "table" or t_val.meta is not None or v_val is None:
            return None
        rec = self.rec
        key = TV(rec.op("int_add", self.array_len(t), rec.const(1)), "int")  # #t of such a table: its array part
        self.table_set(t, t_val, key, len(t_val.arr) + 1, self.typed_reg(a + 2), v_val)
        return NIL

    def table_pack(self, a, nargs):
        """table.pack(...) of values that are not nil (guarded): the table made natively, as the library makes it
        (the values in its array part, n in its hash part)."""
        if any(self.runtime_value(a + 1 + i) is None for i in range(nargs)):
            return None
        tvs = [self.get(a + 1 + i) for i in range(nargs)]
        for tv in tvs:
            if tv.kind == "any":
                self.guard("guard_is_not", tv.v, const_obj(None))
        rec = self.rec
        t = self.new_table()
        items = rec.op("getslot", t, rec.const(T_ARR))
        for tv in tvs:
            self.raising("list_append", items, self.obj(tv))
        self.raising("dict_set", rec.op("getslot", t, rec.const(T_HASH)), const_obj(b"n"), const_obj(nargs))
        return TV(t, "table")

    def table_remove(self, a, nargs):
        """table.remove(t) of a table without a metatable, or table.remove(t, pos) with pos inside its array part
        (guarded): one call of a helper that does what the library does there, without its argument checks."""
        if nargs not in (1, 2):
            return None
        t = self.typed_reg(a + 1)
        t_val = self.runtime_value(a + 1)
        if t.kind != "table" or t_val.meta is not None:
            return None
        if nargs == 1:
            self.guard_no_meta(t)
            return TV(self.raising("call", const_obj(table_pop), t.v), "any")
        pos = self.typed_reg(a + 2)
        if pos.kind != "int" or not 1 <= self.runtime_value(a + 2) <= len(t_val.arr):
            return None
        self.guard_no_meta(t)
        self.guard("guard_true", self.rec.op("int_ult", self.array_index(pos), self.array_len(t)))
        return TV(self.raising("call", const_obj(table_remove_at), t.v, self.obj(pos)), "any")

    def set_metatable(self, a, nargs):
        """setmetatable(t, mt) of a table that has no metatable yet (an object being made) and a metatable
        without __mode (weak tables are registered by the library): a store of mt into t. Returns t."""
        if nargs != 2:
            return None
        t, mt = self.typed_reg(a + 1), self.typed_reg(a + 2)
        if t.kind != "table" or mt.kind != "table" or self.runtime_value(a + 1).meta is not None:
            return None
        if self.runtime_value(a + 2).hash.get(b"__mode") is not None:
            return None
        rec = self.rec
        self.guard_no_meta(t)
        mode = rec.op("dict_get", rec.op("getslot", mt.v, rec.const(T_HASH)), const_obj(b"__mode"))
        self.guard("guard_is", mode, const_obj(None))
        rec.op("setslot", t.v, rec.const(T_META), mt.v)
        return t
