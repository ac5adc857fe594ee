"""How table reads and writes are recorded (cf. LuaJIT's lj_record.c rec_idx): array items behind bounds guards,
string fields of the hash part read at the entry where the recording found them (no hash probe) behind a guard that
the key is still there, inherited methods through guarded loads along a chain of __index tables, stores into
existing fields, new fields and deletions without the general __newindex path when the metatable has no
__newindex. Everything else calls the interpreter's own index/setindex helpers.
"""

from __future__ import annotations

from jit.ir import const_obj
from jit.layout import dict_entry_index, slot_offset
from jit.recorder import TraceAbort
from ylua.jit_helpers import set_list
from ylua.jit_values import NIL, TV, const_tv
from ylua.table import LuaTable
from ylua.values import Cell

T_ARR = slot_offset(LuaTable, "arr")
T_HASH = slot_offset(LuaTable, "hash")
T_META = slot_offset(LuaTable, "meta")
T_KEYS = slot_offset(LuaTable, "_keys")
T_KEYIDX = slot_offset(LuaTable, "_keyidx")
CELL_V = slot_offset(Cell, "v")
MAX_CLASS_CHAIN = 4  # __index tables followed by a field read (an object's class and its base classes)
HASH_KEYS = ("str", "table", "lfunc")  # kinds of keys that live in the hash part only, as themselves


def stored_key(d: dict, key):
    """The object that dict `d` holds as its key equal to `key` (`key` itself when absent): a trace compares keys by
    identity, and a key the program stored need not be the constant the interpreter looks it up with."""
    for k in d:
        if k == key and type(k) is type(key):
            return k
    return key


class RecordTables:
    """The table part of RecordOps (a mixin of LuaRecording)."""

    def not_at_index_zero(self, t_val, key_tv, key_val):
        """A 0-based array keeps item 0 in the hash part (as in PUC Lua), so a loop trace recorded on the iteration
        whose index is 0 would guard for the hash part, and every later iteration would fail that guard and leave
        for a side trace (fannkuch's `while i < j do perm[i], perm[j] = ...`: 1.9x slower than on 1-based arrays).
        A for loop's trace never starts on its first iteration (it starts at FORLOOP), but a while loop's may:
        such a recording gives up for a later iteration, a few times before it accepts this one."""
        if (key_val == 0 and t_val.arr and not self.side and self.root_frame is not None and not key_tv.v.is_const()
                and self.driver.another_iteration(self.rec.loc, "index 0")):
            raise TraceAbort("indexes a 0-based array at 0: waits for an iteration past it", transient=True)

    def table_get(self, t_tv, t_val, key_tv, key_val):
        """The TV of t[key] (t_tv already typed)."""
        rec = self.rec
        h = self.helpers
        if t_tv.kind == "str" and key_tv.kind == "str":
            method = self.string_method(key_tv, key_val)
            if method is not None:
                return method
        if t_tv.kind == "table":
            meta = t_val.meta
            if key_tv.kind == "int" and 0 < key_val <= len(t_val.arr):
                idx = self.array_index(key_tv)
                self.guard("guard_true", rec.op("int_ult", idx, self.array_len(t_tv)))
                v = rec.op("list_getitem", rec.op("getslot", t_tv.v, rec.const(T_ARR)), idx)
                raw = t_val.arr[key_val - 1]
            elif key_tv.kind == "int" and meta is None and not t_val.hash:
                # past the array part of a table with no hash part and no metatable: nil
                self.guard_no_meta(t_tv)
                self.guard("guard_false", rec.op("int_ult", self.array_index(key_tv), self.array_len(t_tv)))
                self.guard_no_hash(t_tv)
                return NIL
            elif key_tv.kind == "int":
                # an integer key outside the array part lives in the hash part (under the int itself)
                self.not_at_index_zero(t_val, key_tv, key_val)
                self.guard("guard_false", rec.op("int_ult", self.array_index(key_tv), self.array_len(t_tv)))
                v = rec.op("dict_get", rec.op("getslot", t_tv.v, rec.const(T_HASH)), rec.op("box_int", key_tv.v))
                raw = t_val.hash.get(key_val)
            elif key_tv.kind in HASH_KEYS:  # a string, table or function key is its own dict key
                raw = t_val.hash.get(key_val)
                hash_ = rec.op("getslot", t_tv.v, rec.const(T_HASH))
                v = self.present_field(hash_, t_val, key_tv) if raw is not None else None
                if v is None:
                    v = rec.op("dict_get", hash_, key_tv.v)
            else:
                v = raw = None
            if v is not None:
                if meta is None:
                    self.guard_no_meta(t_tv)
                    return TV(v, "any")
                if raw is not None:
                    self.guard("guard_is_not", v, const_obj(None))
                    return TV(v, "any")
                if key_tv.kind in ("str", "int"):
                    inherited = self.class_field(t_tv, meta, key_tv, key_val, v)
                    if inherited is not None:
                        return inherited
        return TV(self.raising("call", const_obj(h.index), t_tv.v, self.obj(key_tv)), "any")

    def string_method(self, key_tv, key_val):
        """s.key for a string s: the string metatable's __index table (the string library) holds it. Read through
        guards on that table and on the key's presence, or None when strings do not index a table that has it."""
        meta = self.rt.string_meta
        lib = meta.hash.get(b"__index") if meta is not None else None
        if type(lib) is not LuaTable or lib.hash.get(key_val) is None or not key_tv.v.is_const():
            return None
        self.guard("guard_is", self.const_dict_read(meta.hash, const_obj(stored_key(meta.hash, b"__index"))),
                   const_obj(lib))
        found = self.const_dict_read(lib.hash, const_obj(stored_key(lib.hash, key_val)))
        self.guard("guard_is_not", found, const_obj(None))
        return TV(found, "any")

    def slot_read(self, hash_, d, key):
        """A read of dict `d` (the IR value hash_) under `key` at the entry where the recording finds that key
        (dict_slot_value: a probe when the key has moved, None when it is missing, so the caller guards it), or
        None when the key is not a constant found among d's entries."""
        index = dict_entry_index(d, key.value) if key.is_const() else None
        if index is None:
            return None
        rec = self.rec
        return rec.op("dict_slot_value", hash_, rec.op("dict_keys", hash_), rec.const(index), key)

    def present_field(self, hash_, t_val, key_tv):
        """The value of the field that t_val's hash part has under key key_tv, read by slot_read behind a guard
        that it is still there, or None when it cannot be read that way."""
        v = self.slot_read(hash_, t_val.hash, key_tv.v)
        if v is not None:
            self.guard("guard_is_not", v, const_obj(None))
        return v

    def guard_present(self, hash_, t_val, key_tv):
        """Guards that t_val's hash part (the IR value hash_) still holds key key_tv: by a slot read where it can
        (whose value is returned), else by a lookup (None is returned)."""
        old = self.present_field(hash_, t_val, key_tv)
        if old is None:
            self.guard("guard_is_not", self.rec.op("dict_get", hash_, key_tv.v), const_obj(None))
        return old

    def class_field(self, t_tv, meta, key_tv, key_val, own):
        """t.key for a key t lacks, found in the table its metatable's __index names (the class of an object), or
        further up a chain of such tables (its base classes), or nil when the chain ends without it (a metatable
        with no __index, or a class with no metatable): guarded loads instead of a call of the general __index
        path. None when that is not the case (an __index function, a chain too long, an integer key that a class
        has: classes hold methods, so only an integer key absent all along the chain, e.g. past an array object's
        end, is worth a guard per class)."""
        chain = []  # (metatable, the __index table it names), from the object's class up to where key is found
        m, found = meta, False
        while len(chain) < MAX_CLASS_CHAIN:
            cls = m.hash.get(b"__index")
            if cls is None:
                break
            if type(cls) is not LuaTable:
                return None
            chain.append((m, cls))
            if cls.get(key_val) is not None:
                if key_tv.kind == "int":
                    return None
                found = True
                break
            m = cls.meta
            if m is None:
                break
        else:
            return None
        rec = self.rec
        self.guard("guard_is", own, const_obj(None))
        self.guard("guard_is", rec.op("getslot", t_tv.v, rec.const(T_META)), const_obj(meta))
        for k, (m, cls) in enumerate(chain):
            self.guard("guard_is", self.meta_index(m), const_obj(cls))
            if found and k + 1 == len(chain):
                break
            # not in this class: its own metatable leads on, or ends the chain
            self.guard_not_in(cls, key_tv)
            after = chain[k + 1][0] if k + 1 < len(chain) else cls.meta
            self.guard("guard_is", rec.op("getslot", const_obj(cls), rec.const(T_META)), const_obj(after))
        if found:
            value = self.const_dict_read(chain[-1][1].hash, key_tv.v)
            self.guard("guard_is_not", value, const_obj(None))
            return TV(value, "any")
        last = chain[-1][1].meta if chain else meta
        if last is not None:  # a metatable without __index ends the chain
            self.guard("guard_is", self.meta_index(last), const_obj(None))
        return NIL

    def guard_not_in(self, cls, key_tv):
        """Guards that table `cls` (a constant of the trace) has no value under the string or integer key key_tv."""
        rec = self.rec
        if key_tv.kind == "int":
            arr_len = rec.op("list_len", rec.op("getslot", const_obj(cls), rec.const(T_ARR)))
            self.guard("guard_false", rec.op("int_ult", self.array_index(key_tv), arr_len))
            key = rec.op("box_int", key_tv.v)
        else:
            key = key_tv.v
        self.guard("guard_is", rec.op("dict_get", const_obj(cls.hash), key), const_obj(None))

    def meta_index(self, m):
        """The IR value of metatable m's __index (m a constant of the trace)."""
        return self.const_dict_read(m.hash, const_obj(stored_key(m.hash, b"__index")))

    def const_dict_read(self, d, key):
        """The value under `key` (an IR value) of the dict `d` (a constant of the trace), or None: a slot_read
        where it can be (the caller guards the result against None or a particular value, either of which a read
        of another entry fails), else a lookup."""
        v = self.slot_read(const_obj(d), d, key)
        return v if v is not None else self.rec.op("dict_get", const_obj(d), key)

    def table_set(self, t_tv, t_val, key_tv, key_val, v_tv, v_val):
        self.empty_tables.discard(id(t_tv.v))
        rec = self.rec
        h = self.helpers
        if t_tv.kind == "table" and v_val is not None and v_tv.kind != "nil":
            vo = self.obj(v_tv)
            if key_tv.kind == "int" and 0 < key_val <= len(t_val.arr) and t_val.meta is None:
                self.guard_no_meta(t_tv)
                idx = self.array_index(key_tv)
                self.guard("guard_true", rec.op("int_ult", idx, self.array_len(t_tv)))
                rec.op("list_setitem", rec.op("getslot", t_tv.v, rec.const(T_ARR)), idx, vo)
                return
            if (key_tv.kind == "int" and not 1 <= key_val <= len(t_val.arr) + 1 and t_val.meta is None
                    and t_val.hash.get(key_val) is not None):
                # an existing integer key of the hash part (not the array part, nor the key that would extend it)
                self.not_at_index_zero(t_val, key_tv, key_val)
                self.guard_no_meta(t_tv)
                beyond = rec.op("int_ult", self.array_len(t_tv), self.array_index(key_tv))
                self.guard("guard_true", beyond)
                hash_ = rec.op("getslot", t_tv.v, rec.const(T_HASH))
                hk = rec.op("box_int", key_tv.v)
                self.guard("guard_is_not", rec.op("dict_get", hash_, hk), const_obj(None))
                self.raising("dict_set", hash_, hk, vo)
                return
            items = t_val.hash
            if (key_tv.kind == "int" and key_val == len(t_val.arr) + 1 and t_val.meta is None
                    and (not items or t_val._keys is None and key_val not in items and key_val + 1 not in items)):
                # appending to the array part. With no hash part, the VM's fast path too; with one (a 0-based array
                # keeps key 0 there, an object its fields), as LuaTable.set_int does when neither this key nor the
                # next is in it (nothing moves into the array) and no `next` is going through the keys
                self.guard_no_meta(t_tv)
                self.guard("guard_true", rec.op("int_eq", self.array_index(key_tv), self.array_len(t_tv)))
                if not items:
                    self.guard_no_hash(t_tv)
                else:
                    self.guard_no_walk(t_tv)
                    hash_ = rec.op("getslot", t_tv.v, rec.const(T_HASH))
                    for k in (key_tv.v, rec.op("int_add", key_tv.v, rec.const(1))):
                        self.guard("guard_is", rec.op("dict_get", hash_, rec.op("box_int", k)), const_obj(None))
                self.raising("list_append", rec.op("getslot", t_tv.v, rec.const(T_ARR)), vo)
                return
            if key_tv.kind == "int" and key_val <= 0 and t_val.meta is None and t_val._keys is None:
                # an integer key below the array part (item 0 of a 0-based array): a hash entry, new or not (with no
                # `next` going through the keys, LuaTable._set_hash has nothing else to do)
                self.guard_no_meta(t_tv)
                self.guard("guard_true", rec.op("int_lt", key_tv.v, rec.const(1)))
                self.guard_no_walk(t_tv)
                hash_ = rec.op("getslot", t_tv.v, rec.const(T_HASH))
                self.raising("dict_set", hash_, rec.op("box_int", key_tv.v), vo)
                return
            if key_tv.kind in HASH_KEYS:
                hash_ = rec.op("getslot", t_tv.v, rec.const(T_HASH))
                if t_val.hash.get(key_val) is not None:
                    old = self.guard_present(hash_, t_val, key_tv)
                    # told what the item holds (a slot read), the store knows the key exists: no entry is added
                    self.raising("dict_set", hash_, key_tv.v, vo, *(() if old is None else (old,)))
                    return
                if t_val._keys is None and self.guard_no_newindex(t_tv, t_val.meta):
                    # a new entry (an object's field, when its class has no __newindex): no `next` snapshot to drop
                    self.guard_no_walk(t_tv)
                    self.raising("dict_set", hash_, key_tv.v, vo)
                    return
            if t_val.meta is None:
                self.guard_no_meta(t_tv)
                self.raising("call", const_obj(h.settable), t_tv.v, self.obj(key_tv), vo)
                return
        elif t_tv.kind == "table" and key_tv.kind in HASH_KEYS and self.field_delete(t_tv, t_val, key_tv, key_val):
            return
        self.raising("call", const_obj(h.setindex), self.obj(t_tv), self.obj(key_tv), self.obj(v_tv))

    def field_delete(self, t_tv, t_val, key_tv, key_val) -> bool:
        """t[key] = nil for a string, table or function key: the entry leaves the hash part when it is there (no
        __newindex applies then), and nothing happens when it is not and the metatable has no __newindex. False
        when recorded otherwise."""
        rec = self.rec
        hash_ = rec.op("getslot", t_tv.v, rec.const(T_HASH))
        if t_val.hash.get(key_val) is not None:
            self.guard_present(hash_, t_val, key_tv)
            self.raising("call", const_obj(dict.pop), hash_, key_tv.v)
            return True
        if self.guard_no_newindex(t_tv, t_val.meta):
            self.guard("guard_is", rec.op("dict_get", hash_, key_tv.v), const_obj(None))
            return True
        return False

    def guard_no_newindex(self, t_tv, meta) -> bool:
        """Guards that a store into table t_tv, whose metatable is now `meta`, is a raw set."""
        return self.guard_no_metamethod(t_tv, meta, b"__newindex")

    def guard_no_metamethod(self, t_tv, meta, event) -> bool:
        """Guards that table t_tv, whose metatable is now `meta`, has no metamethod for `event`: no metatable, or
        this one again without it. False (nothing guarded) when it has one."""
        if meta is None:
            self.guard_no_meta(t_tv)
            return True
        if meta.hash.get(event) is not None:
            return False
        rec = self.rec
        self.guard("guard_is", rec.op("getslot", t_tv.v, rec.const(T_META)), const_obj(meta))
        self.guard("guard_is", self.const_dict_read(meta.hash, const_obj(event)), const_obj(None))
        return True

    def array_index(self, key_tv):
        """key - 1: the array part's index of an integer key (negative keys wrap to huge unsigned indices)."""
        return self.rec.op("int_sub", key_tv.v, self.rec.const(1))

    def array_len(self, t_tv):
        return self.rec.op("list_len", self.rec.op("getslot", t_tv.v, self.rec.const(T_ARR)))

    def guard_no_meta(self, t_tv):
        self.guard("guard_is", self.rec.op("getslot", t_tv.v, self.rec.const(T_META)), const_obj(None))

    def guard_no_walk(self, t_tv):
        """Guards that no `next` walk of table t_tv has its keys cached (LuaTable._keys): a new key drops nothing."""
        self.guard("guard_is", self.rec.op("getslot", t_tv.v, self.rec.const(T_KEYS)), const_obj(None))

    def guard_no_hash(self, t_tv):
        size = self.rec.op("dict_len", self.rec.op("getslot", t_tv.v, self.rec.const(T_HASH)))
        self.guard("guard_true", self.rec.op("int_eq", size, self.rec.const(0)))

    def upvalue_table(self, u):
        """(TV, run-time value) of the table in upvalue u (usually _ENV): as GETUPVAL reads it (a fixed one is a
        constant, or loaded once), typed."""
        t_val = self.vframes[-1].func.upvals[u].v
        return self.typed(self.upvalue(u), t_val), t_val

    def r_GETTABUP(self, frame, ins):
        t_tv, t_val = self.upvalue_table(ins[2])
        key = frame.func.proto.consts[ins[3]]
        self.set(ins[1], self.table_get(t_tv, t_val, const_tv(key), key))

    def r_SETTABUP(self, frame, ins):
        t_tv, t_val = self.upvalue_table(ins[1])
        key = frame.func.proto.consts[ins[2]]
        self.table_set(t_tv, t_val, const_tv(key), key, self.operand(ins[3]), self.operand_value(ins[3]))

    def r_GETTABLE(self, frame, ins):
        a, b, c = ins[1], ins[2], ins[3]
        t_val = self.runtime_value(b)
        self.set(a, self.table_get(self.typed_reg(b), t_val, self.typed_operand(c), self.operand_value(c)))

    r_GETINDEX = r_GETTABLE

    def r_GETFIELD(self, frame, ins):
        a, b, c = ins[1], ins[2], ins[3]
        key = frame.func.proto.consts[c]
        self.set(a, self.table_get(self.typed_reg(b), self.runtime_value(b), const_tv(key), key))

    def r_SELF(self, frame, ins):
        a, b, c = ins[1], ins[2], ins[3]
        obj_tv = self.typed_reg(b)
        obj_val = self.runtime_value(b)
        got = self.table_get(obj_tv, obj_val, self.typed_operand(c), self.operand_value(c))
        self.set(a + 1, obj_tv)
        self.set(a, got)

    def r_SETTABLE(self, frame, ins):
        a, b, c = ins[1], ins[2], ins[3]
        self.table_set(self.typed_reg(a), self.runtime_value(a), self.typed_operand(b), self.operand_value(b),
                       self.typed_operand(c), self.operand_value(c))

    def r_SETFIELD(self, frame, ins):
        a, b, c = ins[1], ins[2], ins[3]
        key = frame.func.proto.consts[b]
        self.table_set(self.typed_reg(a), self.runtime_value(a), const_tv(key), key, self.typed_operand(c),
                       self.operand_value(c))

    def r_NEWTABLE(self, frame, ins):
        t = self.new_table()
        self.empty_tables.add(id(t))
        self.set(ins[1], TV(t, "table"))

    def new_table(self):
        """A table allocated natively, as LuaTable.__init__ makes it (see ylua/table.py)."""
        rec = self.rec
        t = rec.op("new_object", const_obj(LuaTable))
        rec.op("setslot", t, rec.const(T_ARR), rec.op("new_list", rec.const(0)))
        rec.op("setslot", t, rec.const(T_HASH), rec.op("new_dict"))
        for off in (T_META, T_KEYS, T_KEYIDX):
            rec.op("setslot", t, rec.const(off), const_obj(None))
        return t

    def r_SETLIST(self, frame, ins):
        a, b, c = ins[1], ins[2], ins[3]
        if b == 0:
            vf = self.vframes[-1]
            if vf.top is None:
                raise TraceAbort("table constructor with a variable number of values")
            b = self.consume_top(vf) - a - 1
        t = self.typed_reg(a).v
        tvs = [self.get(a + 1 + i) for i in range(b)]
        if c == 0 and id(t) in self.empty_tables and all(self.runtime_value(a + 1 + i) is not None for i in range(b)):
            # the values of {x, y, ...} go straight into the array part of the table just made
            self.empty_tables.discard(id(t))
            for tv in tvs:
                if tv.kind == "any":
                    self.guard("guard_is_not", tv.v, const_obj(None))
            arr = self.rec.op("getslot", t, self.rec.const(T_ARR))
            for tv in tvs:
                self.raising("list_append", arr, self.obj(tv))
            return
        self.raising("call", const_obj(set_list), t, const_obj(c + 1), *[self.obj(tv) for tv in tvs])
