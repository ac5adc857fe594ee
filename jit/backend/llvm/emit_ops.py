"""Instruction selection: one method per IR op, `op_<name>(op, p, *operands)`, mixed into FunctionEmitter.

Operands arrive as LLVM operand strings; the result (if any) is named self.res(p). Object results are always new
references (loads incref) - see ownership.py.
"""

from __future__ import annotations

from jit import layout
from jit.backend.llvm import capi
from jit.backend.llvm.helpers import NO_ENTRIES_ADDRESS
from jit.ir.semantics import LIBM_UNARY
from jit.native_calls import NATIVE_DEPTH_ADDRESS, NATIVE_DEPTH_LIMIT, NATIVE_SITES_ADDRESS
from jit.trace import SELF_CALL

_TRUE = f"inttoptr (i64 {id(True)} to ptr)"
_FALSE = f"inttoptr (i64 {id(False)} to ptr)"
_NONE = f"inttoptr (i64 {id(None)} to ptr)"
_FLOAT_TYPE = f"inttoptr (i64 {id(float)} to ptr)"
_INT_TYPE = f"inttoptr (i64 {id(int)} to ptr)"

# op name -> "instruction type" for ops that are one LLVM instruction over their two operands
_BINARY = {
    "int_add": "add i64", "int_sub": "sub i64", "int_mul": "mul i64",
    "int_and": "and i64", "int_or": "or i64", "int_xor": "xor i64",
    "float_add": "fadd double", "float_sub": "fsub double", "float_mul": "fmul double", "float_div": "fdiv double",
    "int_lt": "icmp slt i64", "int_le": "icmp sle i64", "int_gt": "icmp sgt i64", "int_ge": "icmp sge i64",
    "int_eq": "icmp eq i64", "int_ne": "icmp ne i64", "int_ult": "icmp ult i64",
    "float_lt": "fcmp olt double", "float_le": "fcmp ole double", "float_gt": "fcmp ogt double",
    "float_ge": "fcmp oge double", "float_eq": "fcmp oeq double", "float_ne": "fcmp une double",
    "ptr_eq": "icmp eq ptr", "ptr_ne": "icmp ne ptr",
}
# op name -> instruction template over {a}
_UNARY = {
    "int_neg": "sub i64 0, {a}",
    "float_neg": "fneg double {a}",
    "bool_not": "xor i1 {a}, true",
    "int_to_float": "sitofp i64 {a} to double",
    "float_to_int": "call i64 @llvm.fptosi.sat.i64.f64(double {a})",
    "float_abs": "call double @llvm.fabs.f64(double {a})",
    "float_sqrt": "call double @llvm.sqrt.f64(double {a})",
    "float_floor": "call double @llvm.floor.f64(double {a})",
    "float_ceil": "call double @llvm.ceil.f64(double {a})",
}


_LIBM_CALLS = {f"float_{name}": name for name in LIBM_UNARY}  # ops that are a call of C's function
BYTE_BUFFER = "%bytebuf = alloca i8"


class OpEmitters:
    def __getattr__(self, name):
        if name.startswith("op_"):
            opname = name[3:]
            if opname in _BINARY:
                return lambda op, p, a, b: self.emit(f"{self.res(p)} = {_BINARY[opname]} {a}, {b}")
            if opname in _UNARY:
                return lambda op, p, a: self.emit(f"{self.res(p)} = " + _UNARY[opname].format(a=a))
            if opname in _LIBM_CALLS:
                return lambda op, p, a: self.libm_call(_LIBM_CALLS[opname], p, a)
        raise AttributeError(name)

    # ---- helpers

    def libm_call(self, name: str, p: int, a: str):
        self.need(name)
        self.emit(f"{self.res(p)} = call double @{name}(double {a})")

    def field(self, obj: str, offset: int, ty: str) -> str:
        """Load a field of type `ty` at byte `offset` of `obj`."""
        addr, v = self.tmp(), self.tmp()
        self.emit(f"{addr} = getelementptr i8, ptr {obj}, i64 {offset}")
        self.emit(f"{v} = load {ty}, ptr {addr}")
        return v

    def item_addr(self, lst: str, index: str) -> str:
        items, addr = self.field(lst, layout.LIST_ITEMS, "ptr"), self.tmp()
        self.emit(f"{addr} = getelementptr ptr, ptr {items}, i64 {index}")
        return addr

    def load_new_ref(self, addr: str, p: int):
        """Load the object at `addr`: a new reference, unless the trace borrows it (ownership.py)."""
        self.emit(f"{self.res(p)} = load ptr, ptr {addr}")
        if id(self.ir.ops[p]) not in self.own.borrowed:
            self.incref(self.res(p))

    def store_ref(self, addr: str, value: str):
        """Store a new reference to `value` at `addr`, releasing the old one (which may be NULL)."""
        self.incref(value)
        old = self.tmp()
        self.emit(f"{old} = load ptr, ptr {addr}")
        self.emit(f"store ptr {value}, ptr {addr}")
        self.xdecref(old)

    def xdecref(self, operand: str):
        isnull = self.tmp()
        n = self.ntmp
        self.emit(f"{isnull} = icmp eq ptr {operand}, null")
        self.emit(f"br i1 {isnull}, label %xd_done{n}, label %xd{n}")
        self.start_block(f"xd{n}")
        self.decref(operand)
        self.emit(f"br label %xd_done{n}")
        self.start_block(f"xd_done{n}")

    def box(self, type_: str, operand: str) -> str:
        """A new reference to a Python object for a machine value."""
        out = self.tmp()
        if type_ == "i":
            self.need("jit_box_int")
            self.emit(f"{out} = call ptr @jit_box_int(i64 {operand})")
        elif type_ == "f":
            self.need("PyFloat_FromDouble")
            self.emit(f"{out} = call ptr @PyFloat_FromDouble(double {operand})")
        else:
            self.emit(f"{out} = select i1 {operand}, ptr {_TRUE}, ptr {_FALSE}")
            self.incref(out)
        return out

    def type_of(self, obj: str) -> str:
        return self.field(obj, layout.OB_TYPE, "ptr")

    # ---- guards

    def op_guard_true(self, op, p, c):
        self.guard(c, p, expect=True)

    def op_guard_false(self, op, p, c):
        self.guard(c, p, expect=False)

    def op_guard_type(self, op, p, o, t):
        c = self.tmp()
        self.emit(f"{c} = icmp eq ptr {self.type_of(o)}, {t}")
        self.guard(c, p)

    def op_assume_type(self, op, p, o, t):
        pass  # a fact (with the optimiser off it reaches the backend): no code

    op_assume_is = op_assume_type

    def op_guard_is(self, op, p, o, k):
        c = self.tmp()
        self.emit(f"{c} = icmp eq ptr {o}, {k}")
        self.guard(c, p)

    def op_guard_is_not(self, op, p, o, k):
        c = self.tmp()
        self.emit(f"{c} = icmp ne ptr {o}, {k}")
        self.guard(c, p)

    # ---- boxing

    def op_box_int(self, op, p, a):
        self.need("jit_box_int")
        self.emit(f"{self.res(p)} = call ptr @jit_box_int(i64 {a})")

    def op_box_float(self, op, p, a):
        self.need("PyFloat_FromDouble")
        self.emit(f"{self.res(p)} = call ptr @PyFloat_FromDouble(double {a})")

    def op_same_int(self, op, p, a):
        self.emit(f"{self.res(p)} = select i1 true, i64 {a}, i64 {a}")

    def op_same_float(self, op, p, a):
        self.emit(f"{self.res(p)} = select i1 true, double {a}, double {a}")

    def op_same_bool(self, op, p, a):
        self.emit(f"{self.res(p)} = select i1 true, i1 {a}, i1 {a}")

    def op_same_obj(self, op, p, a):
        self.emit(f"{self.res(p)} = select i1 true, ptr {a}, ptr {a}")
        self.incref(self.res(p))

    def op_box_bool(self, op, p, a):
        self.emit(f"{self.res(p)} = select i1 {a}, ptr {_TRUE}, ptr {_FALSE}")
        self.incref(self.res(p))

    def op_unbox_int(self, op, p, o):
        self.need("jit_unbox_int")
        self.emit(f"{self.res(p)} = call i64 @jit_unbox_int(ptr {o})")

    def op_unbox_float(self, op, p, o):
        self.emit(f"{self.res(p)} = load double, ptr {self.field_addr(o, layout.FLOAT_VALUE)}")

    def field_addr(self, obj: str, offset: int) -> str:
        addr = self.tmp()
        self.emit(f"{addr} = getelementptr i8, ptr {obj}, i64 {offset}")
        return addr

    def op_type_is(self, op, p, o, t):
        self.emit(f"{self.res(p)} = icmp eq ptr {self.type_of(o)}, {t}")

    # ---- int64 arithmetic with total, floor semantics

    def safe_divisor(self, a: str, b: str):
        """(b is -1, b is 0, a divisor that is neither)"""
        m1, z, bad, safe = self.tmp(), self.tmp(), self.tmp(), self.tmp()
        self.emit(f"{m1} = icmp eq i64 {b}, -1")
        self.emit(f"{z} = icmp eq i64 {b}, 0")
        self.emit(f"{bad} = or i1 {m1}, {z}")
        self.emit(f"{safe} = select i1 {bad}, i64 1, i64 {b}")
        return m1, z, safe

    def op_int_floordiv(self, op, p, a, b):
        m1, z, safe = self.safe_divisor(a, b)
        q, r, rnz, sx, sneg, adj, qa, neg, t1 = (self.tmp() for _ in range(9))
        self.emit(f"{q} = sdiv i64 {a}, {safe}")
        self.emit(f"{r} = srem i64 {a}, {safe}")
        self.emit(f"{rnz} = icmp ne i64 {r}, 0")
        self.emit(f"{sx} = xor i64 {r}, {b}")
        self.emit(f"{sneg} = icmp slt i64 {sx}, 0")
        self.emit(f"{adj} = and i1 {rnz}, {sneg}")
        self.emit(f"{qa} = sub i64 {q}, {self.zext(adj)}")
        self.emit(f"{neg} = sub i64 0, {a}")
        self.emit(f"{t1} = select i1 {m1}, i64 {neg}, i64 {qa}")
        self.emit(f"{self.res(p)} = select i1 {z}, i64 0, i64 {t1}")

    def zext(self, c: str) -> str:
        t = self.tmp()
        self.emit(f"{t} = zext i1 {c} to i64")
        return t

    def op_int_mod(self, op, p, a, b):
        m1, z, safe = self.safe_divisor(a, b)
        r, rnz, sx, sneg, adj, rb, ra, bad = (self.tmp() for _ in range(8))
        self.emit(f"{r} = srem i64 {a}, {safe}")
        self.emit(f"{rnz} = icmp ne i64 {r}, 0")
        self.emit(f"{sx} = xor i64 {r}, {b}")
        self.emit(f"{sneg} = icmp slt i64 {sx}, 0")
        self.emit(f"{adj} = and i1 {rnz}, {sneg}")
        self.emit(f"{rb} = add i64 {r}, {b}")
        self.emit(f"{ra} = select i1 {adj}, i64 {rb}, i64 {r}")
        self.emit(f"{bad} = or i1 {m1}, {z}")
        self.emit(f"{self.res(p)} = select i1 {bad}, i64 0, i64 {ra}")

    def shift(self, p, instr: str, a: str, n: str, out_of_range: str):
        ok, sh = self.tmp(), self.tmp()
        self.emit(f"{ok} = icmp ult i64 {n}, 64")
        self.emit(f"{sh} = {instr} i64 {a}, {n}")
        self.emit(f"{self.res(p)} = select i1 {ok}, i64 {sh}, i64 {out_of_range}")

    def op_int_shl(self, op, p, a, n):
        self.shift(p, "shl", a, n, "0")

    def op_int_lshr(self, op, p, a, n):
        self.shift(p, "lshr", a, n, "0")

    def op_int_ashr(self, op, p, a, n):
        neg, lo, hi = self.tmp(), self.tmp(), self.tmp()
        self.emit(f"{neg} = icmp slt i64 {n}, 0")
        self.emit(f"{lo} = select i1 {neg}, i64 0, i64 {n}")
        self.emit(f"{hi} = call i64 @llvm.umin.i64(i64 {lo}, i64 63)")
        self.emit(f"{self.res(p)} = ashr i64 {a}, {hi}")

    # ---- double arithmetic

    def op_float_min(self, op, p, a, b):
        c = self.tmp()
        self.emit(f"{c} = fcmp olt double {b}, {a}")
        self.emit(f"{self.res(p)} = select i1 {c}, double {b}, double {a}")

    def op_float_max(self, op, p, a, b):
        c = self.tmp()
        self.emit(f"{c} = fcmp olt double {a}, {b}")
        self.emit(f"{self.res(p)} = select i1 {c}, double {b}, double {a}")

    def op_float_is_int64(self, op, p, a):
        lo, hi = self.tmp(), self.tmp()
        self.emit(f"{lo} = fcmp oge double {a}, 0xC3E0000000000000")  # -2^63
        self.emit(f"{hi} = fcmp olt double {a}, 0x43E0000000000000")  # 2^63
        self.emit(f"{self.res(p)} = and i1 {lo}, {hi}")

    def op_float_floordiv(self, op, p, a, b):
        q = self.tmp()
        self.emit(f"{q} = fdiv double {a}, {b}")
        self.emit(f"{self.res(p)} = call double @llvm.floor.f64(double {q})")

    def op_float_mod(self, op, p, a, b):
        """fmod, then moved towards floor division when the remainder and the divisor differ in sign."""
        m, mnz, mneg, bneg, diff, c, mb = (self.tmp() for _ in range(7))
        self.emit(f"{m} = frem double {a}, {b}")
        self.emit(f"{mnz} = fcmp one double {m}, 0.0")
        self.emit(f"{mneg} = fcmp olt double {m}, 0.0")
        self.emit(f"{bneg} = fcmp olt double {b}, 0.0")
        self.emit(f"{diff} = xor i1 {mneg}, {bneg}")
        self.emit(f"{c} = and i1 {mnz}, {diff}")
        self.emit(f"{mb} = fadd double {m}, {b}")
        self.emit(f"{self.res(p)} = select i1 {c}, double {mb}, double {m}")

    def op_int_select(self, op, p, c, a, b):
        self.emit(f"{self.res(p)} = select i1 {c}, i64 {a}, i64 {b}")

    def op_float_select(self, op, p, c, a, b):
        self.emit(f"{self.res(p)} = select i1 {c}, double {a}, double {b}")

    def op_float_pow(self, op, p, a, b):
        self.emit(f"{self.res(p)} = call double @llvm.pow.f64(double {a}, double {b})")

    # ---- memory

    def op_getslot(self, op, p, o, off):
        self.load_new_ref(self.field_addr(o, int(off)), p)

    def op_setslot(self, op, p, o, off, v):
        self.store_ref(self.field_addr(o, int(off)), v)

    def op_getreg(self, op, p, lst, i):
        self.load_new_ref(self.item_addr(lst, i), p)

    def op_setreg(self, op, p, lst, i, v):
        self.store_ref(self.item_addr(lst, i), v)

    op_list_getitem = op_getreg
    op_list_setitem = op_setreg

    def op_list_len(self, op, p, lst):
        self.emit(f"{self.res(p)} = load i64, ptr {self.field_addr(lst, layout.VAR_SIZE)}")

    def op_list_append(self, op, p, lst, v):
        """Into spare capacity inline (what PyList_Append does first); through PyList_Append when the list must
        grow."""
        self.need("PyList_Append")
        n = self.ntmp
        size, cap, room = self.field(lst, layout.VAR_SIZE, "i64"), self.field(lst, layout.LIST_ALLOCATED, "i64"), \
            self.tmp()
        self.emit(f"{room} = icmp slt i64 {size}, {cap}")
        self.emit(f"br i1 {room}, label %append{n}, label %grow{n}, !prof !1")
        self.start_block(f"append{n}")
        items, slot, more = self.field(lst, layout.LIST_ITEMS, "ptr"), self.tmp(), self.tmp()
        self.emit(f"{slot} = getelementptr ptr, ptr {items}, i64 {size}")
        self.incref(v)
        self.emit(f"store ptr {v}, ptr {slot}")
        self.emit(f"{more} = add i64 {size}, 1")
        self.emit(f"store i64 {more}, ptr {self.field_addr(lst, layout.VAR_SIZE)}")
        self.emit(f"br label %appended{n}")
        self.start_block(f"grow{n}")
        r, bad = self.tmp(), self.tmp()
        self.emit(f"{r} = call i32 @PyList_Append(ptr {lst}, ptr {v})")
        self.emit(f"{bad} = icmp slt i32 {r}, 0")
        self.raise_if(bad, p)
        self.emit(f"br label %appended{n}")
        self.start_block(f"appended{n}")

    def op_bytes_len(self, op, p, b):
        self.emit(f"{self.res(p)} = load i64, ptr {self.field_addr(b, layout.VAR_SIZE)}")

    def op_bytes_concat(self, op, p, a, b):
        self.need("PySequence_Concat")
        bad = self.tmp()
        self.emit(f"{self.res(p)} = call ptr @PySequence_Concat(ptr {a}, ptr {b})")
        self.emit(f"{bad} = icmp eq ptr {self.res(p)}, null")
        self.raise_if(bad, p)

    def op_bytes_eq(self, op, p, a, b):
        """Through PyObject_RichCompareBool (Py_EQ), which answers at once for the same object and otherwise compares
        sizes and bytes; two bytes objects compare without raising."""
        self.need("PyObject_RichCompareBool")
        r = self.tmp()
        self.emit(f"{r} = call i32 @PyObject_RichCompareBool(ptr {a}, ptr {b}, i32 2)")
        self.emit(f"{self.res(p)} = icmp eq i32 {r}, 1")

    def op_bytes_getbyte(self, op, p, b, i):
        addr, byte = self.tmp(), self.tmp()
        self.emit(f"{addr} = getelementptr i8, ptr {self.field_addr(b, layout.BYTES_DATA)}, i64 {i}")
        self.emit(f"{byte} = load i8, ptr {addr}")
        self.emit(f"{self.res(p)} = zext i8 {byte} to i64")

    def op_bytes_slice(self, op, p, b, i, j):
        self.need("PyBytes_FromStringAndSize")
        start, size, bad = self.tmp(), self.tmp(), self.tmp()
        self.emit(f"{start} = getelementptr i8, ptr {self.field_addr(b, layout.BYTES_DATA)}, i64 {i}")
        self.emit(f"{size} = sub i64 {j}, {i}")
        self.emit(f"{self.res(p)} = call ptr @PyBytes_FromStringAndSize(ptr {start}, i64 {size})")
        self.emit(f"{bad} = icmp eq ptr {self.res(p)}, null")
        self.raise_if(bad, p)

    def op_bytes_scan(self, op, p, b, i, table):
        """A loop over the bytes from a1, each looked up in the table, to the first one in the set or the end."""
        n, data, members = self.tmp(), self.tmp(), self.tmp()
        self.emit(f"{n} = load i64, ptr {self.field_addr(b, layout.VAR_SIZE)}")
        self.emit(f"{data} = getelementptr i8, ptr {b}, i64 {layout.BYTES_DATA}")
        self.emit(f"{members} = getelementptr i8, ptr {table}, i64 {layout.BYTES_DATA}")
        came_from = self.block
        self.emit(f"br label %scan{p}")
        self.start_block(f"scan{p}")
        k, more, nxt = self.tmp(), self.tmp(), self.tmp()
        self.emit(f"{k} = phi i64 [{i}, %{came_from}], [{nxt}, %look{p}]")
        self.emit(f"{more} = icmp slt i64 {k}, {n}")
        self.emit(f"br i1 {more}, label %look{p}, label %scanned{p}")
        self.start_block(f"look{p}")
        at, c, cz, entry, member, hit = (self.tmp() for _ in range(6))
        self.emit(f"{at} = getelementptr i8, ptr {data}, i64 {k}")
        self.emit(f"{c} = load i8, ptr {at}")
        self.emit(f"{cz} = zext i8 {c} to i64")
        self.emit(f"{entry} = getelementptr i8, ptr {members}, i64 {cz}")
        self.emit(f"{member} = load i8, ptr {entry}")
        self.emit(f"{hit} = icmp ne i8 {member}, 0")
        self.emit(f"{nxt} = add i64 {k}, 1")
        self.emit(f"br i1 {hit}, label %scanned{p}, label %scan{p}")
        self.start_block(f"scanned{p}")
        self.emit(f"{self.res(p)} = phi i64 [{k}, %scan{p}], [{k}, %look{p}]")

    def op_bytes_char(self, op, p, i):
        """Through PyBytes_FromStringAndSize, which gives one-byte strings from its cache (it cannot fail)."""
        self.need("PyBytes_FromStringAndSize")
        if BYTE_BUFFER not in self.allocas:  # in the entry block: one buffer for the whole trace
            self.allocas.append(BYTE_BUFFER)
        byte = self.tmp()
        self.emit(f"{byte} = trunc i64 {i} to i8")
        self.emit(f"store i8 {byte}, ptr %bytebuf")
        self.emit(f"{self.res(p)} = call ptr @PyBytes_FromStringAndSize(ptr %bytebuf, i64 1)")

    def op_tuple_getitem(self, op, p, t, i):
        addr = self.tmp()
        self.emit(f"{addr} = getelementptr ptr, ptr {self.field_addr(t, layout.TUPLE_ITEMS)}, i64 {i}")
        self.load_new_ref(addr, p)

    def op_tuple_len(self, op, p, t):
        self.emit(f"{self.res(p)} = load i64, ptr {self.field_addr(t, layout.VAR_SIZE)}")

    def dict_value(self, key, d: str, k: str) -> str:
        """The value of key k (the IR value `key`) in dict d (a borrowed reference, NULL when missing). A constant
        string key is read at the site's cached entry index when it is there, else PyDict looks it up."""
        self.need("jit_dict_get")
        r = self.tmp()
        if not (layout.DICT_ENTRIES_READABLE and key.is_const() and type(key.value) in (bytes, str)):
            self.emit(f"{r} = call ptr @jit_dict_get(ptr {d}, ptr {k})")
            return r
        if type(key.value) is bytes:  # probed natively (found or missing), by identity
            self.need("jit_dict_find")
            self.emit(f"{r} = call ptr @jit_dict_find(ptr {d}, ptr {k}, i64 {hash(key.value)})")
            return r
        self.need("jit_dict_slot")
        n = self.ntmp
        cache, slot, found, v, looked = f"@dc{n}", self.tmp(), self.tmp(), self.tmp(), self.tmp()
        self.globals.append(f"{cache} = internal global i64 0")
        self.emit(f"{slot} = call ptr @jit_dict_slot(ptr {d}, ptr {k}, ptr {cache})")
        self.emit(f"{found} = icmp ne ptr {slot}, null")
        self.emit(f"br i1 {found}, label %dslot{n}, label %dlook{n}, !prof !1")
        self.start_block(f"dslot{n}")
        self.emit(f"{v} = load ptr, ptr {slot}")
        self.emit(f"br label %dgot{n}")
        self.start_block(f"dlook{n}")
        self.emit(f"{looked} = call ptr @jit_dict_get(ptr {d}, ptr {k})")
        self.emit(f"br label %dgot{n}")
        self.start_block(f"dgot{n}")
        self.emit(f"{r} = phi ptr [{v}, %dslot{n}], [{looked}, %dlook{n}]")
        return r

    def op_dict_get(self, op, p, d, k):
        r, missing = self.dict_value(op.args[1], d, k), self.tmp()
        self.emit(f"{missing} = icmp eq ptr {r}, null")
        self.emit(f"{self.res(p)} = select i1 {missing}, ptr {_NONE}, ptr {r}")
        if id(op) not in self.own.borrowed:
            self.incref(self.res(p))

    def op_dict_keys(self, op, p, d):
        """d's keys object when its entries are general ones that dict_slot_value can read (no split values),
        else the address of helpers.NO_ENTRIES: an all-zero stand-in whose entry count is 0, so every slot read there
        misses."""
        vals, keys = self.field(d, layout.DICT_VALUES, "ptr"), self.field(d, layout.DICT_KEYS, "ptr")
        kind, combined, general, ok = self.field(keys, layout.DK_KIND, "i8"), self.tmp(), self.tmp(), self.tmp()
        self.emit(f"{combined} = icmp eq ptr {vals}, null")
        self.emit(f"{general} = icmp eq i8 {kind}, {layout.DK_KIND_GENERAL}")
        self.emit(f"{ok} = and i1 {combined}, {general}")
        address = self.tmp()
        self.emit(f"{address} = ptrtoint ptr {keys} to i64")  # an IR int: an address, never a Lua value
        self.emit(f"{self.res(p)} = select i1 {ok}, i64 {address}, i64 {NO_ENTRIES_ADDRESS}")

    def op_dict_slot_value(self, op, p, d, keys_int, index, key):
        """Entry `index` is read only when it is one of the keys object's entries (else entry 0, which every keys
        object has room for), and its value is taken only when its key is `key` itself; otherwise (the entries
        moved: a key deleted and added again, a table built in another order) the dict is probed, so a layout
        that differs from the recorded one costs a lookup, not a guard failure."""
        keys = self.tmp()
        self.emit(f"{keys} = inttoptr i64 {keys_int} to ptr")
        n, lb = self.field(keys, layout.DK_NENTRIES, "i64"), self.field(keys, layout.DK_LOG2_INDEX_BYTES, "i8")
        inside, at, lb64, ib, ents, off, entry, k, v, hit, ok = (self.tmp() for _ in range(11))
        self.emit(f"{inside} = icmp ult i64 {index}, {n}")
        self.emit(f"{at} = select i1 {inside}, i64 {index}, i64 0")
        self.emit(f"{lb64} = zext i8 {lb} to i64")
        self.emit(f"{ib} = shl i64 1, {lb64}")
        self.emit(f"{ents} = getelementptr i8, ptr {keys}, i64 {ib}")
        self.emit(f"{off} = mul i64 {at}, {layout.GENERAL_ENTRY}")
        self.emit(f"{entry} = getelementptr i8, ptr {ents}, i64 {off}")
        self.emit(f"{k} = load ptr, ptr {self.field_addr(entry, layout.DK_INDICES + 8)}")
        self.emit(f"{v} = load ptr, ptr {self.field_addr(entry, layout.DK_INDICES + 16)}")
        self.emit(f"{hit} = icmp eq ptr {k}, {key}")
        self.emit(f"{ok} = and i1 {inside}, {hit}")
        n = self.ntmp
        fast = self.block
        self.emit(f"br i1 {ok}, label %sv_got{n}, label %sv_probe{n}, !prof !1")
        self.start_block(f"sv_probe{n}")
        looked = self.dict_value(op.args[3], d, key)
        probed = self.block
        self.emit(f"br label %sv_got{n}")
        self.start_block(f"sv_got{n}")
        r, missing = self.tmp(), self.tmp()
        self.emit(f"{r} = phi ptr [{v}, %{fast}], [{looked}, %{probed}]")
        self.emit(f"{missing} = icmp eq ptr {r}, null")
        self.emit(f"{self.res(p)} = select i1 {missing}, ptr {_NONE}, ptr {r}")
        if id(op) not in self.own.borrowed:
            self.incref(self.res(p))

    def op_dict_len(self, op, p, d):
        self.emit(f"{self.res(p)} = load i64, ptr {self.field_addr(d, layout.DICT_USED)}")

    def op_dict_set(self, op, p, d, k, v, _old=None):
        self.need("PyDict_SetItem")
        r, bad = self.tmp(), self.tmp()
        self.emit(f"{r} = call i32 @PyDict_SetItem(ptr {d}, ptr {k}, ptr {v})")
        self.emit(f"{bad} = icmp slt i32 {r}, 0")
        self.raise_if(bad, p)

    # ---- stores of machine numbers that reuse the old number object when nothing else can see it

    def reuse_number(self, t: str, old: str, v: str, fresh: str, done: str):
        """Overwrite number object `old` with machine value `v` (type letter t: "f" or "i") when it is an exact
        float / int referenced only by the container being stored into (every reference the trace holds is counted,
        see ownership.py) and, for ints, both the old and the new value are one 30-bit digit; else branch to
        `fresh`."""
        n = self.ntmp
        is_type, rc, alone, ok = self.tmp(), self.tmp(), self.tmp(), self.tmp()
        self.emit(f"{is_type} = icmp eq ptr {self.type_of(old)}, {_FLOAT_TYPE if t == 'f' else _INT_TYPE}")
        self.emit(f"{rc} = load i64, ptr {old}")
        self.emit(f"{alone} = icmp eq i64 {rc}, 1")
        self.emit(f"{ok} = and i1 {is_type}, {alone}")
        if t == "f":
            self.emit(f"br i1 {ok}, label %reuse{n}, label %{fresh}")
            self.start_block(f"reuse{n}")
            self.emit(f"store double {v}, ptr {self.field_addr(old, layout.FLOAT_VALUE)}")
            self.emit(f"br label %{done}")
            return
        self.emit(f"br i1 {ok}, label %digits{n}, label %{fresh}")
        self.start_block(f"digits{n}")  # an exact int: its digit count can be read
        tag_addr = self.field_addr(old, layout.LONG_TAG)
        tag, one_digit, neg, negv, mag, m1, fits, all_ok = (self.tmp() for _ in range(8))
        self.emit(f"{tag} = load i64, ptr {tag_addr}")
        if layout.INLINE_REFCOUNT:  # 3.11: the tag is the signed digit count
            self.emit(f"{one_digit} = icmp eq i64 {self.magnitude(tag)}, 1")
            pos_tag, neg_tag = "1", "-1"
        else:  # 3.12+: digit count << 3 | sign (0 positive, 2 negative)
            count = self.tmp()
            self.emit(f"{count} = lshr i64 {tag}, 3")
            self.emit(f"{one_digit} = icmp eq i64 {count}, 1")
            pos_tag, neg_tag = "8", "10"
        self.emit(f"{neg} = icmp slt i64 {v}, 0")
        self.emit(f"{negv} = sub i64 0, {v}")
        self.emit(f"{mag} = select i1 {neg}, i64 {negv}, i64 {v}")
        self.emit(f"{m1} = sub i64 {mag}, 1")
        self.emit(f"{fits} = icmp ult i64 {m1}, {(1 << 30) - 1}")  # 1 <= |v| < 2^30 (INT64_MIN wraps: no)
        self.emit(f"{all_ok} = and i1 {fits}, {one_digit}")
        self.emit(f"br i1 {all_ok}, label %reuse{n}, label %{fresh}")
        self.start_block(f"reuse{n}")
        digit = self.tmp()
        self.emit(f"{digit} = trunc i64 {mag} to i32")
        self.emit(f"store i32 {digit}, ptr {self.field_addr(old, layout.LONG_DIGITS)}")
        newtag = self.tmp()
        self.emit(f"{newtag} = select i1 {neg}, i64 {neg_tag}, i64 {pos_tag}")
        self.emit(f"store i64 {newtag}, ptr {tag_addr}")
        self.emit(f"br label %{done}")

    def magnitude(self, a: str) -> str:
        """|a| of an i64 (INT64_MIN stays itself)."""
        isneg, nega, r = self.tmp(), self.tmp(), self.tmp()
        self.emit(f"{isneg} = icmp slt i64 {a}, 0")
        self.emit(f"{nega} = sub i64 0, {a}")
        self.emit(f"{r} = select i1 {isneg}, i64 {nega}, i64 {a}")
        return r

    def list_store_number(self, t, lst, i, v):
        n = self.ntmp
        addr, old = self.item_addr(lst, i), self.tmp()
        self.emit(f"{old} = load ptr, ptr {addr}")
        self.reuse_number(t, old, v, f"fresh{n}", f"stored{n}")
        self.start_block(f"fresh{n}")
        b = self.box(t, v)
        self.emit(f"store ptr {b}, ptr {addr}")
        self.decref(old)
        self.emit(f"br label %stored{n}")
        self.start_block(f"stored{n}")

    def dict_store_number(self, t, op, p, d, k, v, old=None):
        """d[k] := number v; `old`, when given, is what d[k] holds (None when it is missing)."""
        self.need("PyDict_SetItem")
        n = self.ntmp
        if old is None:
            old = self.dict_value(op.args[1], d, k)
            present = self.tmp()
            self.emit(f"{present} = icmp ne ptr {old}, null")
            self.emit(f"br i1 {present}, label %present{n}, label %fresh{n}")
            self.start_block(f"present{n}")
        self.reuse_number(t, old, v, f"fresh{n}", f"stored{n}")  # None is not a number: stored afresh
        self.start_block(f"fresh{n}")
        b, r, bad = self.box(t, v), self.tmp(), self.tmp()
        self.emit(f"{r} = call i32 @PyDict_SetItem(ptr {d}, ptr {k}, ptr {b})")
        self.decref(b)
        self.emit(f"{bad} = icmp slt i32 {r}, 0")
        self.raise_if(bad, p)
        self.emit(f"br label %stored{n}")
        self.start_block(f"stored{n}")

    def op_setreg_int(self, op, p, regs, i, v):
        self.list_store_number("i", regs, i, v)

    def op_setreg_float(self, op, p, regs, i, f):
        self.list_store_number("f", regs, i, f)

    def op_list_setitem_float(self, op, p, lst, i, f):
        self.list_store_number("f", lst, i, f)

    def op_list_setitem_int(self, op, p, lst, i, v):
        self.list_store_number("i", lst, i, v)

    def op_dict_set_float(self, op, p, d, k, f, old=None):
        self.dict_store_number("f", op, p, d, k, f, old)

    def op_dict_set_int(self, op, p, d, k, v, old=None):
        self.dict_store_number("i", op, p, d, k, v, old)

    def op_new_list(self, op, p, n):
        self.need("jit_new_list")
        self.emit(f"{self.res(p)} = call ptr @jit_new_list(i64 {n})")

    def op_new_dict(self, op, p):
        self.need("PyDict_New")
        self.emit(f"{self.res(p)} = call ptr @PyDict_New()")

    def op_new_tuple(self, op, p, *items):
        self.need("PyTuple_New")
        t = self.res(p)
        self.emit(f"{t} = call ptr @PyTuple_New(i64 {len(items)})")
        for k, item in enumerate(items):  # the tuple takes a new reference to each item
            self.incref(item)
            self.emit(f"store ptr {item}, ptr {self.field_addr(t, layout.TUPLE_ITEMS + 8 * k)}")

    def op_new_object(self, op, p, t):
        self.need("PyType_GenericAlloc")
        self.emit(f"{self.res(p)} = call ptr @PyType_GenericAlloc(ptr {t}, i64 0)")

    def vectorcall(self, result: str, f: str, args):
        """result = f(*args) through PyObject_Vectorcall (NULL when it raised)."""
        self.need("PyObject_Vectorcall")
        self.max_call_args = max(self.max_call_args, len(args), 1)
        for k, a in enumerate(args):
            self.emit(f"store ptr {a}, ptr {self.slot('%argv', k)}")
        self.emit(f"{result} = call ptr @PyObject_Vectorcall(ptr {f}, ptr %argv, i64 {len(args)}, ptr null)")

    def op_call(self, op, p, f, *args):
        bad = self.tmp()
        self.vectorcall(self.res(p), f, args)
        self.emit(f"{bad} = icmp eq ptr {self.res(p)}, null")
        self.raise_if(bad, p)

    def op_call_trace(self, op, p, _target, fallback, site, *args):
        target = op.args[0].value
        callee = f"@{self.fname}" if target is SELF_CALL else self.trace_address(op)
        depth_at = f"inttoptr (i64 {NATIVE_DEPTH_ADDRESS} to ptr)"
        depth, deep = self.tmp(), self.tmp()
        self.emit(f"{depth} = load i64, ptr {depth_at}")
        site_at, next_level = self.tmp(), self.tmp()
        self.emit(f"{next_level} = add i64 {depth}, 1")
        self.emit(f"{site_at} = getelementptr i64, ptr inttoptr (i64 {NATIVE_SITES_ADDRESS} to ptr), i64 {next_level}")
        self.emit(f"store i64 {site}, ptr {site_at}")
        self.emit(f"{deep} = icmp sge i64 {depth}, {NATIVE_DEPTH_LIMIT}")
        self.emit(f"br i1 {deep}, label %deep{p}, label %native{p}, !prof !0")
        self.start_block(f"native{p}")
        buf = f"inttoptr (i64 {capi.BUFFER_ADDRESS} to ptr)"
        for k, a in enumerate(args):  # the callee's inputs arrive owned
            self.incref(a)
            self.emit(f"store ptr {a}, ptr {self.buf_slot(k)}")
        fast = self.tmp()
        self.emit(f"store i64 {next_level}, ptr {depth_at}")
        self.emit(f"{fast} = call ptr {callee}(ptr {buf})")
        self.emit(f"store i64 {depth}, ptr {depth_at}")
        self.emit(f"br label %called{p}")
        self.start_block(f"deep{p}")
        slow, bad = self.tmp(), self.tmp()
        self.vectorcall(slow, fallback, args)
        self.emit(f"br label %called{p}")
        self.start_block(f"called{p}")
        self.emit(f"{self.res(p)} = phi ptr [{fast}, %native{p}], [{slow}, %deep{p}]")
        self.emit(f"{bad} = icmp eq ptr {self.res(p)}, null")
        self.raise_if(bad, p)
