"""How each bytecode instruction is recorded into trace IR (cf. LuaJIT's lj_record.c per-bytecode cases).

Every `r_<OPNAME>(frame, ins)` runs *before* the interpreter executes the instruction, so it sees the operands' run-time
values and specialises on them: numbers become unboxed int64/double arithmetic behind type guards, array reads and
writes go straight to the table's list behind bounds guards, and anything more general (metamethods, strings, the
hash part with new keys, built-in functions) becomes a call of a helper in jit_helpers.py. Guards resume at the
instruction that made them, before it had any effect.
"""

from __future__ import annotations

import math
import weakref

from jit.ir import BOOL, const_obj, const_of
from jit.layout import slot_offset
from jit.recorder import TraceAbort
from ylua import opcodes as op
from ylua.frame import Frame
from ylua.jit_ifconv import if_convert
from ylua.jit_record_intrinsics import ITERATIONS, ONE_RESULT, STRING_SEARCHES, RecordIntrinsics
from ylua.jit_record_patterns import PATTERN_SCANS, RecordPatterns
from ylua.arith import ARITH_EVENTS
from ylua.fixed_upvalues import TRUSTED
from ylua.jit_record_tables import CELL_V, T_ARR, T_META, RecordTables, stored_key
from ylua.jit_values import NIL, TV, const_tv, result_of
from ylua.values import Builtin, Cell, LuaFunction
from ylua.vm import may_protect

BUILTIN_NAME = slot_offset(Builtin, "name")
MAX_NATIVE_CONCAT = 3  # strings a .. b .. c joins natively (pairwise); longer chains call the helper once
FRAME_PC = slot_offset(Frame, "pc")
FRAME_FUNC = slot_offset(Frame, "func")
FRAME_VARARGS = slot_offset(Frame, "varargs")
FRAME_TBC = slot_offset(Frame, "tbc")
FUNC_PROTO = slot_offset(LuaFunction, "proto")
FUNC_UPVALS = slot_offset(LuaFunction, "upvals")
FALSE = const_tv(False)
FLOAT_EXACT = 2 ** 53  # integers up to this magnitude convert to floats exactly
MANY_CLOSURES = "many"  # Proto.jit_closures once the recorder has met two closures of a prototype

INT_ARITH = {"ADD": "int_add", "SUB": "int_sub", "MUL": "int_mul", "BAND": "int_and", "BOR": "int_or",
             "BXOR": "int_xor"}
FLOAT_ARITH = {"ADD": "float_add", "SUB": "float_sub", "MUL": "float_mul", "DIV": "float_div", "POW": "float_pow",
               "MOD": "float_mod", "IDIV": "float_floordiv"}
BITWISE = frozenset(("BAND", "BOR", "BXOR", "SHL", "SHR"))
COMPARE = {"EQ": ("int_eq", "float_eq"), "LT": ("int_lt", "float_lt"), "LE": ("int_le", "float_le")}
# built-ins that look at the interpreter's frames: called only from the root frame, with its pc stored first
# (wrap: the functions it makes; collectgarbage: it clears its caller's registers above the call)
NEEDS_PC = frozenset(("error", "assert", "wrap", "debug.traceback", "debug.getinfo", "collectgarbage"))
# built-ins that read or change registers or hooks: never called from a trace
NEVER_FROM_TRACE = frozenset(("debug.getlocal", "debug.setlocal", "debug.sethook"))



def select_constant(n: TV, vals: list):
    """select(n, ...) with a constant n and a number of values the recording fixed: the TVs it returns (its count
    for "#"), or None when the built-in must decide (a variable n, or one out of range, which is an error)."""
    if not n.v.is_const():
        return None
    k = n.v.value
    if k == b"#":
        return [const_tv(len(vals))]
    if type(k) is not int or k == 0 or k < -len(vals):
        return None
    return vals[k - 1:] if k > 0 else vals[len(vals) + k:]


class RecordOps(RecordTables, RecordIntrinsics, RecordPatterns):
    dispatch: list = []
    inlines_pcall = True  # function traces do not: their exits finish the call in a nested activation

    # ---- moves, constants, upvalues

    def r_MOVE(self, frame, ins):
        self.set(ins[1], self.get(ins[2]))

    def r_LOADK(self, frame, ins):
        self.set(ins[1], const_tv(frame.func.proto.consts[ins[2]]))

    def r_LOADNIL(self, frame, ins):
        for r in range(ins[1], ins[1] + ins[2] + 1):
            self.set(r, NIL)

    def upval_cell(self, b):
        """The cell of upvalue b of the running function. A callee's cells are constants (the call guards the
        callee's identity), and so are a function trace's (it serves one closure); a loop trace's own frame may
        belong to any closure of its function, so the cell is loaded from the frame's closure, once. All of that
        holds as long as the debug library has not given closures other cells (ylua/fixed_upvalues.py): after
        that, cells are loaded from their closures where they are used."""
        vf = self.vframes[-1]
        trusted = self.cells_trusted()  # (loaded cells too: kept for the frame, or the trace, only while trusted)
        rec = self.rec
        if vf is self.root and self.frame_input is not None:
            if trusted:
                return self.root_upval_cell(b)
            closure = rec.op("getslot", self.frame_input, rec.const(FRAME_FUNC))
        elif vf.closure_v is None and trusted:
            return const_obj(vf.func.upvals[b])
        else:
            closure = vf.closure_v if vf.closure_v is not None else const_obj(vf.func)
            if trusted and b in vf.cells:
                return vf.cells[b]
        cell = rec.op("list_getitem", rec.op("getslot", closure, rec.const(FUNC_UPVALS)), rec.const(b))
        if trusted:
            vf.cells[b] = cell
        return cell

    def cells_trusted(self) -> bool:
        """Whether the trace may take a known closure's cells (and fixed values) as constants: then it records
        the guard that keeps them valid."""
        if not TRUSTED.v:
            return False
        rec = self.rec
        self.guard("guard_is", rec.op("getslot", const_obj(TRUSTED), rec.const(CELL_V)), const_obj(True))
        return True

    def upvalue(self, b) -> TV:
        """Upvalue b of the running function. A fixed one (ylua/fixed_upvalues.py), while trusted, is its value as
        a constant when its cell is a constant of the trace, and is loaded once in a loop trace's own frame;
        otherwise it is read from its cell."""
        vf = self.vframes[-1]
        if vf.closure_v is None and vf.func.proto.upvals[b].fixed and self.cells_trusted():
            if vf is self.root and self.frame_input is not None:
                return TV(self.root_fixed_value(b), "any")
            return const_tv(vf.func.upvals[b].v)
        return TV(self.rec.op("getslot", self.upval_cell(b), self.rec.const(CELL_V)), "any")

    def r_GETUPVAL(self, frame, ins):
        self.set(ins[1], self.upvalue(ins[2]))

    def r_SETUPVAL(self, frame, ins):
        self.rec.op("setslot", self.upval_cell(ins[2]), self.rec.const(CELL_V), self.obj(self.get(ins[1])))

    def r_NEWCELL(self, frame, ins):
        """A cell allocated natively (no helper call, which would also stop loads moving across it)."""
        a = ins[1]
        rec = self.rec
        cell = rec.op("new_object", const_obj(Cell))
        rec.op("setslot", cell, rec.const(CELL_V), self.obj(self.get(a)))
        self.set(a, TV(cell, "cell"))

    def cell_of(self, r):
        tv = self.typed_reg(r)
        if tv.kind != "cell":
            raise TraceAbort("a captured local is not in a cell")
        return tv.v

    def r_GETCELL(self, frame, ins):
        self.set(ins[1], TV(self.rec.op("getslot", self.cell_of(ins[2]), self.rec.const(CELL_V)), "any"))

    def r_SETCELL(self, frame, ins):
        self.rec.op("setslot", self.cell_of(ins[1]), self.rec.const(CELL_V), self.obj(self.operand(ins[2])))

    def r_CLOSURE(self, frame, ins):
        vf = self.vframes[-1]
        sub = vf.func.proto.protos[ins[2]]
        ups = [self.cell_of(u.index) if u.in_stack else self.upval_cell(u.index) for u in sub.upvals]
        rec = self.rec  # allocated natively, as LuaFunction.__init__ makes it
        closure = rec.op("new_object", const_obj(LuaFunction))
        rec.op("setslot", closure, rec.const(FUNC_PROTO), const_obj(sub))
        cells = rec.op("new_list", rec.const(len(ups)))
        for k, cell in enumerate(ups):
            rec.op("list_setitem", cells, rec.const(k), cell)
        rec.op("setslot", closure, rec.const(FUNC_UPVALS), cells)
        self.fresh_closures.add(id(closure))
        self.set(ins[1], TV(closure, "lfunc"))

    # ---- arithmetic

    def arith(self, frame, ins):
        name = op.NAMES[ins[0]]
        a, b, c = ins[1], ins[2], ins[3]
        x, y = self.typed_operand(b), self.typed_operand(c)
        rec = self.rec
        if name in BITWISE and {x.kind, y.kind} <= {"int", "float"}:
            x, y = self.exact_int(x, self.operand_value(b)), self.exact_int(y, self.operand_value(c))
        kx, ky = x.kind, y.kind
        if kx == "int" and ky == "int":
            if name in INT_ARITH:
                self.set(a, TV(rec.op(INT_ARITH[name], x.v, y.v), "int"))
                return
            if name in ("SHL", "SHR"):
                self.set(a, TV(self.shift(x, y, self.operand_value(c), name == "SHL"), "int"))
                return
            if name in ("MOD", "IDIV") and self.operand_value(c) != 0:
                self.guard("guard_true", rec.op("int_ne", y.v, rec.const(0)))
                self.set(a, TV(rec.op("int_mod" if name == "MOD" else "int_floordiv", x.v, y.v), "int"))
                return
        if kx in ("int", "float") and ky in ("int", "float") and name in FLOAT_ARITH:
            xf = x.v if kx == "float" else rec.op("int_to_float", x.v)
            yf = y.v if ky == "float" else rec.op("int_to_float", y.v)
            self.set(a, TV(rec.op(FLOAT_ARITH[name], xf, yf), "float"))
            return
        if self.metamethod_call(ARITH_EVENTS[op.ARITH_OPS[name]], a, x, y, b, c):
            return
        fn = self.helpers.arith[op.ARITH_OPS[name]]
        self.set(a, TV(self.raising("call", const_obj(fn), self.obj(x), self.obj(y)), "any"))

    def metamethod_call(self, event, a, x, y, b, c) -> bool:
        """x op y where x is a table whose metatable has a Lua function for `event`, or has none and y is such a
        table (where the VM looks, in that order): guards that it finds that function, and has the recording follow
        its call into the nested activation the interpreter makes for it (nested_call), as an inlined frame whose
        result goes to register a (LuaJIT inlines metamethods the same way). False when it is not that case (a
        number's or a string's metatable would be asked first, the function is a built-in or has a loop)."""
        if x.kind != "table" or y.kind not in ("table", "int", "float"):
            return False
        x_meta = self.operand_value(b).meta
        y_meta = self.operand_value(c).meta if y.kind == "table" else None
        h = x_meta.hash.get(event) if x_meta is not None else None
        holder, meta = x, x_meta
        if h is None:
            h = y_meta.hash.get(event) if y_meta is not None else None
            holder, meta = y, y_meta
        if type(h) is not LuaFunction or self.driver.calls.entry_of(h.proto).has_loop:
            return False  # a metamethod with a loop runs in its nested activation, where its loop has a trace
        if holder is y:
            self.guard_no_metamethod(x, x_meta, event)  # x is asked first: it has none
        rec = self.rec
        self.guard("guard_is", rec.op("getslot", holder.v, rec.const(T_META)), const_obj(meta))
        self.guard("guard_is", self.const_dict_read(meta.hash, const_obj(stored_key(meta.hash, event))), const_obj(h))
        self.expected_metamethod = (h, [x, y], a)
        return True

    def exact_int(self, tv, value) -> TV:
        """An operand of a bitwise operator as an integer: a float with an integral value converts (behind
        guards); any other float is left to the library, which raises 'number has no integer representation'."""
        if tv.kind != "float" or not (value == value and -2.0**63 <= value < 2.0**63 and value == math.floor(value)):
            return tv
        rec = self.rec
        self.guard("guard_true", rec.op("float_is_int64", tv.v))
        i = rec.op("float_to_int", tv.v)
        self.guard("guard_true", rec.op("float_eq", rec.op("int_to_float", i), tv.v))
        return TV(i, "int")

    def shift(self, x, y, count, left: bool):
        """x << y (left) or x >> y as Lua shifts integers: logically, by any count, a negative count shifting the
        other way, and 64 or more giving 0 (which int_shl and int_lshr give for counts outside 0..63)."""
        rec = self.rec
        if y.v.is_const():
            count = y.v.value
            towards_left = (count >= 0) == left
            n = rec.const(abs(count) if abs(count) < 64 else 64)
        else:  # specialised on the count's sign
            self.guard("guard_true" if count >= 0 else "guard_false", rec.op("int_ge", y.v, rec.const(0)))
            towards_left = (count >= 0) == left
            n = y.v if count >= 0 else rec.op("int_neg", y.v)
        return rec.op("int_shl" if towards_left else "int_lshr", x.v, n)

    def r_UNM(self, frame, ins):
        x = self.typed_reg(ins[2])
        if x.kind == "int":
            self.set(ins[1], TV(self.rec.op("int_neg", x.v), "int"))
        elif x.kind == "float":
            self.set(ins[1], TV(self.rec.op("float_neg", x.v), "float"))
        else:
            self.set(ins[1], TV(self.raising("call", const_obj(self.helpers.unm), self.obj(x)), "any"))

    def r_BNOT(self, frame, ins):
        x = self.typed_reg(ins[2])
        if x.kind == "int":
            self.set(ins[1], TV(self.rec.op("int_xor", x.v, self.rec.const(-1)), "int"))
        else:
            self.set(ins[1], TV(self.raising("call", const_obj(self.helpers.bnot), self.obj(x)), "any"))

    def truth(self, tv):
        """Python bool when the truth of tv is known statically, else an i1 value."""
        if tv.kind == "nil":
            return False
        if tv.kind == "bool":
            if tv.v.is_const():
                return bool(tv.v.value)
            if tv.v.type == BOOL:
                return tv.v
            return self.rec.op("ptr_ne", tv.v, const_obj(False))
        return True

    def r_NOT(self, frame, ins):
        t = self.truth(self.typed_reg(ins[2]))
        if isinstance(t, bool):
            self.set(ins[1], TV(const_of(not t), "bool"))
        else:
            self.set(ins[1], TV(self.rec.op("bool_not", t), "bool"))

    def r_LEN(self, frame, ins):
        rec = self.rec
        x = self.typed_reg(ins[2])
        val = self.runtime_value(ins[2])
        if x.kind == "table" and val.meta is None:
            self.guard_no_meta(x)
            self.set(ins[1], TV(rec.op("list_len", rec.op("getslot", x.v, rec.const(T_ARR))), "int"))
            return
        if x.kind == "str":
            self.set(ins[1], TV(rec.op("bytes_len", x.v), "int"))
            return
        self.set(ins[1], TV(self.raising("call", const_obj(self.helpers.length), self.obj(x)), "any"))

    def r_CONCAT(self, frame, ins):
        regs = range(ins[2], ins[3] + 1)
        if len(regs) <= MAX_NATIVE_CONCAT and all(self.typed_reg(r).kind == "str" for r in regs):
            acc = self.get(regs[0]).v
            for r in regs[1:]:
                acc = self.raising("bytes_concat", acc, self.get(r).v)
            self.set(ins[1], TV(acc, "str"))
            return
        tvs = [self.typed_reg(r) for r in regs]
        vals = [self.obj(tv) for tv in tvs]
        if all(tv.kind in ("str", "int", "float") for tv in tvs):  # numbers to format, no metamethod to ask
            self.set(ins[1], TV(self.raising("call", const_obj(self.helpers.concat_numbers), *vals), "str"))
            return
        self.set(ins[1], TV(self.raising("call", const_obj(self.helpers.concat), *vals), "any"))

    # ---- branches: the guard is emitted when the next instruction shows the way the interpreter went

    def branch(self, cond, a, pc, d):
        """Jump to d iff cond == a. cond is a Python bool (known while recording: no guard), an i1 value, or a
        helper's result (a Python bool object)."""
        if isinstance(cond, bool) or d == pc + 1:
            return
        join = if_convert(self, cond, not a, pc, d)
        if join is not None:
            self.skip_to = (self.vframes[-1].frame, join)
            return

        def settle(frame, npc):
            jumped = npc == d
            other = pc + 1 if jumped else d
            want = bool(a) if jumped else not a
            if cond.type == BOOL:
                self.guard("guard_true" if want else "guard_false", cond, pc=other)
            else:
                self.guard("guard_is", cond, const_obj(want), pc=other)

        self.pending = settle

    def compare(self, frame, ins):
        name = op.NAMES[ins[0]]
        a, b, c, d = ins[1], ins[2], ins[3], ins[4]
        x, y = self.typed_operand(b), self.typed_operand(c)
        rec = self.rec
        kx, ky = x.kind, y.kind
        if kx == ky == "int" or kx == ky == "float":
            self.branch(rec.op(COMPARE[name][kx == "float"], x.v, y.v), a, self.pc, d)
            return
        if {kx, ky} == {"int", "float"}:  # an integer that a float holds exactly compares as that float
            fx = x.v if kx == "float" else self.exact_float(x.v, self.operand_value(b))
            fy = y.v if ky == "float" else self.exact_float(y.v, self.operand_value(c))
            if fx is not None and fy is not None:
                self.branch(rec.op(COMPARE[name][True], fx, fy), a, self.pc, d)
                return
        if name == "EQ":
            numbers = ("int", "float")
            known = ("nil", "bool", "int", "float", "str", "table", "lfunc", "builtin")
            if kx in known and ky in known and not (kx in numbers and ky in numbers) and kx != ky:
                return  # different types are never equal and no metamethod applies
            if kx == ky == "str":
                self.branch(rec.op("bytes_eq", self.obj(x), self.obj(y)), a, self.pc, d)
                return
            if kx == ky == "table" and self.guard_no_metamethod(x, self.operand_value(b).meta, b"__eq") \
                    and self.guard_no_metamethod(y, self.operand_value(c).meta, b"__eq"):
                # neither has __eq: identity decides
                self.branch(rec.op("ptr_eq", x.v, y.v), a, self.pc, d)
                return
            if kx == ky and kx in ("nil", "bool", "lfunc", "builtin"):
                if kx == "nil":
                    return
                self.branch(rec.op("ptr_eq", self.obj(x), self.obj(y)), a, self.pc, d)
                return
        fn = getattr(self.helpers, name.lower())  # eq, lt, le: with metamethods and string order
        self.branch(self.raising("call", const_obj(fn), self.obj(x), self.obj(y)), a, self.pc, d)

    def exact_float(self, v, value):
        """The float of integer SSA value `v` (now `value`) behind a guard that it is within +-2^53, where every
        integer is a float exactly (Lua's l_intfitsf); None when it is not now (the helper compares it exactly)."""
        if not -FLOAT_EXACT <= value <= FLOAT_EXACT:
            return None
        rec = self.rec
        if not v.is_const():
            self.guard("guard_true", rec.op("int_le", v, rec.const(FLOAT_EXACT)))
            self.guard("guard_true", rec.op("int_ge", v, rec.const(-FLOAT_EXACT)))
        return rec.op("int_to_float", v)

    def r_TEST(self, frame, ins):
        a, b, d = ins[1], ins[2], ins[4]
        t = self.truth(self.typed_reg(a))
        # TEST jumps to d iff truthy(R[a]) == b
        self.branch(t, b, self.pc, d)

    def r_JMP(self, frame, ins):
        if ins[2]:
            raise TraceAbort("jump that closes to-be-closed variables")

    def r_CLOSE(self, frame, ins):
        """Closing the to-be-closed variables from a register up (after every generic for loop): nothing to do
        in a frame that has none, which the trace checks for the loop's own frame."""
        self.guard_no_tbc(frame)

    def r_TFORPREP(self, frame, ins):
        """A generic for loop starts: its fourth value is a closing value to mark, unless it is nil."""
        if self.runtime_value(ins[1] + 3) is not None:
            raise TraceAbort("generic for loop with a closing value")
        self.typed_reg(ins[1] + 3)

    def guard_no_tbc(self, frame):
        if frame.tbc:
            raise TraceAbort("closes to-be-closed variables")
        if len(self.vframes) > 1 or self.frame_input is None:
            return  # a frame the trace keeps virtual: a TBC instruction in it would have ended the recording
        rec = self.rec
        tbc = rec.op("getslot", self.frame_input, rec.const(FRAME_TBC))
        if frame.tbc is None:
            self.guard("guard_is", tbc, const_obj(None))
        else:  # emptied by an earlier close
            self.guard("guard_is_not", tbc, const_obj(None))
            self.guard("guard_true", rec.op("int_eq", rec.op("list_len", tbc), rec.const(0)))

    def r_LOOPHEAD(self, frame, ins):
        pass

    # ---- loops (the traced loop's own instruction, or iterations of other loops the trace unrolls)

    def r_FORLOOP(self, frame, ins):
        a = ins[1]
        rec = self.rec
        count = self.typed_reg(a + 1)
        if count.kind == "int":
            going = self.runtime_value(a + 1) > 0
            self.guard("guard_true" if going else "guard_false", rec.op("int_gt", count.v, rec.const(0)))
            if not going:
                return
            i = self.typed_reg(a)
            step = self.typed_reg(a + 2)
            self.set(a + 1, TV(rec.op("int_sub", count.v, rec.const(1)), "int"))
            nxt = TV(rec.op("int_add", i.v, step.v), "int")
        else:
            i, step = self.typed_reg(a), self.typed_reg(a + 2)
            if i.kind != "float" or step.kind != "float" or count.kind != "float":
                raise TraceAbort("numeric for loop with unexpected types")
            up = self.runtime_value(a + 2) > 0
            self.guard("guard_true" if up else "guard_false", rec.op("float_gt", step.v, rec.const(0.0)))
            v = rec.op("float_add", i.v, step.v)
            go = self.runtime_value(a) + self.runtime_value(a + 2)
            going = go <= self.runtime_value(a + 1) if up else go >= self.runtime_value(a + 1)
            cmp = rec.op("float_le" if up else "float_ge", v, count.v)
            self.guard("guard_true" if going else "guard_false", cmp)
            if not going:
                return
            nxt = TV(v, "float")
        self.set(a, nxt)
        self.set(a + 3, nxt)

    def r_FORPREP(self, frame, ins):
        """An inner numeric loop starts (its FORLOOP is recorded as the loop unrolls, or ends this trace by jumping
        into the inner loop's own trace). The iteration count of an integer loop is computed as
        the interpreter computes it, specialised on the sign of the step."""
        a = ins[1]
        rec = self.rec
        init, limit, step = self.typed_reg(a), self.typed_reg(a + 1), self.typed_reg(a + 2)
        vi, vl, vs = self.runtime_value(a), self.runtime_value(a + 1), self.runtime_value(a + 2)
        if init.kind == step.kind == "int" and limit.kind == "float" and vs != 0:
            # an integer loop with a float limit (`for i = 1, n / 2`): the limit is rounded towards the loop's
            # start, as PUC's forlimit does; one that is nan or out of the integer range is left to the VM
            rounded = rec.op("float_floor" if vs > 0 else "float_ceil", limit.v)
            if not math.isfinite(vl) or not -2.0**63 <= math.floor(vl) < 2.0**63:
                raise TraceAbort("integer for loop whose float limit is out of the integer range")
            self.guard("guard_true", rec.op("float_is_int64", rounded))
            limit = TV(rec.op("float_to_int", rounded), "int")
            vl = math.floor(vl) if vs > 0 else math.ceil(vl)
        kinds = {init.kind, limit.kind, step.kind}
        if init.kind == step.kind == "int" and limit.kind != "int":
            raise TraceAbort("integer for loop with a non-numeric limit")
        if kinds == {"int"}:
            if vs == 0:
                raise TraceAbort("numeric for loop with a zero step")
            up = vs > 0
            if not step.v.is_const():  # the trace is specialised on the step's sign
                self.guard("guard_true" if up else "guard_false", rec.op("int_gt", step.v, rec.const(0)))
            lo, hi = (init, limit) if up else (limit, init)
            empty = vi > vl if up else vi < vl
            self.guard("guard_true" if empty else "guard_false", rec.op("int_gt", lo.v, hi.v))
            if empty:
                return
            span = rec.op("int_sub", hi.v, lo.v)
            self.guard("guard_true", rec.op("int_ge", span, rec.const(0)))  # no overflow: else the VM does it
            divisor = step.v if up else rec.op("int_neg", step.v)
            self.set(a + 1, TV(rec.op("int_floordiv", span, divisor), "int"))
            self.set(a + 3, init)
            return
        if not kinds <= {"int", "float"} or vs == 0:
            raise TraceAbort("numeric for loop with non-numeric or zero step")
        fi, fl, fs = (t.v if t.kind == "float" else rec.op("int_to_float", t.v) for t in (init, limit, step))
        up = vs > 0
        self.guard("guard_true" if up else "guard_false", rec.op("float_gt", fs, rec.const(0.0)))
        runs = float(vi) <= float(vl) if up else float(vi) >= float(vl)
        self.guard("guard_true" if runs else "guard_false", rec.op("float_le" if up else "float_ge", fi, fl))
        if not runs:
            return
        self.set(a, TV(fi, "float"))
        self.set(a + 1, TV(fl, "float"))
        self.set(a + 2, TV(fs, "float"))
        self.set(a + 3, TV(fi, "float"))

    def r_VARARG(self, frame, ins):
        a, b = ins[1], ins[2]
        vf = self.vframes[-1]
        vals = vf.varargs if vf.varargs is not None or vf is not self.root else self.root_varargs(frame)
        if b:
            for i in range(b - 1):
                self.set(a + i, vals[i] if i < len(vals) else NIL)
        else:
            self.store_results(vf, a, 0, vals)

    def root_varargs(self, frame) -> list:
        """The extra arguments of the traced loop's own (vararg) function, read from its frame: the trace is
        specialised on their number."""
        if self.frame_input is None:
            raise TraceAbort("varargs of a function trace's own frame")
        rec = self.rec
        lst = rec.op("getslot", self.frame_input, rec.const(FRAME_VARARGS))
        if frame.varargs is None:
            self.guard("guard_is", lst, const_obj(None))
            return []
        n = len(frame.varargs)
        self.guard("guard_is_not", lst, const_obj(None))
        self.guard("guard_true", rec.op("int_eq", rec.op("list_len", lst), rec.const(n)))
        return [TV(rec.op("list_getitem", lst, rec.const(i)), "any") for i in range(n)]

    def r_TFORLOOP(self, frame, ins):
        a = ins[1]
        v = self.typed_reg(a + 4)
        if v.kind == "nil":
            return
        self.set(a + 2, v)

    # ---- calls and returns

    def callee(self, r):
        tv = self.get(r)
        fn = self.runtime_value(r)
        if type(fn) is not LuaFunction and type(fn) is not Builtin:
            raise TraceAbort("calls a value that is not a function")
        if tv.v.is_const():
            return fn
        if type(fn) is Builtin and not hasattr(fn.fn, "jit_intrinsic"):
            # What the trace does with a built-in depends on its name only (see call), and the call passes the
            # runtime value: so one trace serves every built-in of that name, e.g. all coroutine.wrap functions.
            self.guard("guard_type", tv.v, const_obj(Builtin))
            self.guard("guard_is", self.rec.op("getslot", tv.v, self.rec.const(BUILTIN_NAME)), const_obj(fn.name))
            return fn
        if type(fn) is LuaFunction and self.closures_vary(tv, fn):
            # a closure made anew each time (in the loop, or for each object): the trace serves every closure of
            # the prototype, reading the upvalues from the one it is given
            self.guard("guard_type", tv.v, const_obj(LuaFunction))
            self.guard("guard_is", self.rec.op("getslot", tv.v, self.rec.const(FUNC_PROTO)), const_obj(fn.proto))
            self.callee_closure = tv.v
            return fn
        self.guard("guard_is", tv.v, const_obj(fn))
        return fn

    def closures_vary(self, tv, fn) -> bool:
        """Whether calls at this site meet more than one closure of fn's prototype: the trace made it, or the
        recorder has already seen another closure of it."""
        if id(tv.v) in self.fresh_closures:
            return True
        p = fn.proto
        seen = p.jit_closures
        if seen is MANY_CLOSURES:
            return True
        if seen is None or seen() is None:
            p.jit_closures = weakref.ref(fn)
            return False
        if seen() is not fn:
            p.jit_closures = MANY_CLOSURES
            return True
        return False

    def call(self, fn, callee, args, ret_a, ret_c):
        """Record a call of `fn` (a Lua function is inlined; a built-in is called by the trace)."""
        if type(fn) is LuaFunction:
            if self.call_natively(fn, args, ret_a, ret_c) is None:
                self.push_frame(fn, args, ret_a, ret_c)
            return
        if fn.name in NEVER_FROM_TRACE:
            raise TraceAbort(f"calls '{fn.name}' (it needs the interpreter's registers)")
        if fn.name in NEEDS_PC:
            if len(self.vframes) > 1 or self.frame_input is None:
                raise TraceAbort(f"calls '{fn.name}' from an inlined function (it needs the interpreter's frames)")
            self.rec.op("setslot", self.rec.inputs[0], self.rec.const(FRAME_PC), const_obj(self.pc))
        objs = [self.obj(t) for t in args]
        f = self.obj(callee)
        h = self.helpers
        if ret_c == 1:
            self.raising("call", const_obj(h.call_none), f, *objs)
        elif ret_c == 2:
            res = self.raising("call", const_obj(h.call_first), f, *objs)
            self.store_results(self.vframes[-1], ret_a, 2, [TV(res, "any")])
        else:
            self.helper_results(h.call_n, h.call_result, [f, *objs], ret_a, ret_c)

    def helper_results(self, exactly, every, args, ret_a, ret_c):
        """The results of a built-in's call through helper `exactly` (for CALL's C = ret_c > 2: exactly(n, *args)
        gives n of them in a tuple) or `every` (C = 0: all of them, as a function trace returns them)."""
        if ret_c > 2:
            n = ret_c - 1
            tup = self.raising("call", const_obj(exactly), const_obj(n), *args)
            vals = [TV(self.rec.op("tuple_getitem", tup, self.rec.const(i)), "any") for i in range(n)]
            self.store_results(self.vframes[-1], ret_a, ret_c, vals)
        else:
            res = TV(self.raising("call", const_obj(every), *args), "any")
            self.store_results(self.vframes[-1], ret_a, 0, [res])
            resume = self.pc + 1
            self.pending = lambda frame, pc: self.settle_builtin(res, ret_a, resume)

    def settle_builtin(self, res, a, resume_pc):
        """After a built-in call that wants all its results (`res`, a value or a MultipleResults, is in register
        a): specialise on how many it returned this time (the guards resume at `resume_pc`, after the call)."""
        self.opaque_result = result_of(self.rt.builtin_results)
        self.settle_results(res, a, 0, resume_pc)

    def call_args(self, a, b):
        vf = self.vframes[-1]
        if b:
            return [self.get(r) for r in range(a + 1, a + b)]
        if vf.top is None:
            raise TraceAbort("call with a variable number of arguments")
        return [self.get(r) for r in range(a + 1, self.consume_top(vf))]

    def r_CALL(self, frame, ins):
        a, b, c = ins[1], ins[2], ins[3]
        args = self.call_args(a, b)
        fn = self.callee(a)
        if type(fn) is Builtin:
            self.call_builtin(fn, a, args, c)
        else:
            self.call(fn, self.get(a), args, a, c)

    def call_builtin(self, fn, a, args, c):
        """A call of built-in `fn` in register a with `args`, for c - 1 results (0: all) in registers a..."""
        if fn is self.rt.pcall_builtin and self.inline_pcall(a, args, c):
            return
        if fn.name == "error" and self.raise_to_pcall(a, args):
            return
        if fn.name == "assert" and args:
            self.store_results(self.vframes[-1], a, c, self.record_assert(a, args))
            return
        if fn.name == "select" and args:
            vals = select_constant(args[0], args[1:])
            if vals is not None:
                self.store_results(self.vframes[-1], a, c, vals)
                return
        if args and hasattr(fn.fn, "jit_intrinsic"):
            if fn.fn.jit_intrinsic in PATTERN_SCANS:
                vals = self.pattern_scan(fn.fn.jit_intrinsic, a, len(args))
                if vals is not None:
                    self.store_results(self.vframes[-1], a, c, vals)
                    return
            if fn.fn.jit_intrinsic in ITERATIONS:
                vals = self.iteration_start(fn.fn, a)
                if vals is not None:
                    self.store_results(self.vframes[-1], a, c, vals)
                    return
            elif c in (1, 2):
                res = self.intrinsic(fn.fn.jit_intrinsic, a, len(args))
                if res is not None:
                    self.store_results(self.vframes[-1], a, c, [res])
                    return
            elif fn.fn.jit_intrinsic == "byte":  # several results
                vals = self.string_bytes(a, len(args))
                if vals is not None:
                    self.store_results(self.vframes[-1], a, c, vals)
                    return
            elif fn.fn.jit_intrinsic in STRING_SEARCHES and self.string_search_results(a, len(args), c):
                return
        self.call(fn, self.get(a), args, a, c)

    def inline_pcall(self, a, args, c) -> bool:
        """pcall(f, ...) of a loop-free Lua function f: f is inlined like any call, in a frame marked protected,
        and the VM runs it in its own activation (vm.enter_protected) where the recording follows it. An error in
        it leaves the trace (a raising exit) and the interpreter's pcall catches it. False: the trace calls the
        built-in (f has loops, whose traces it would jump into; or the VM would run the built-in itself)."""
        rt = self.rt
        if not self.inlines_pcall or not args or rt.hook is not None or not may_protect(rt):
            return False
        fn = self.runtime_value(a + 1)
        if type(fn) is not LuaFunction or self.driver.calls.entry_of(fn.proto).has_loop:
            return False
        self.callee(a + 1)
        self.push_frame(fn, args[1:], a, c)
        self.vframes[-1].protected = True
        self.pcall_entered = True
        return True

    def raise_to_pcall(self, a, args) -> bool:
        """error(msg [, level 0 or 1]) in the function of a pcall that the trace inlined raises no exception in the
        trace: it leaves the inlined frames down to that pcall's, which returns false and the error value in its
        caller (msg, with the position of the call in front when it is a string and the level is 1, as error words
        it). The VM's pcall catches the error the interpreter raises meanwhile (see error). False when the call is
        not such an error (the trace calls the built-in, and leaves when it raises)."""
        vfs = self.vframes
        k = next((k for k in range(len(vfs) - 1, 0, -1) if vfs[k].protected), None)
        if k is None:
            return False
        level = 1
        if len(args) >= 2:
            lv = args[1].v
            if not (lv.is_const() and type(lv.value) is int and lv.value in (0, 1)):
                return False
            level = lv.value
        msg = self.typed_reg(a + 1) if args else NIL
        if level == 1 and msg.kind == "str":
            proto = vfs[-1].func.proto
            where = f"{proto.source}:{proto.lines[self.pc]}: ".encode()
            msg = TV(self.raising("bytes_concat", const_obj(where), msg.v), "str")
        protected = vfs[k]
        del vfs[k:]
        self.store_results(vfs[-1], protected.ret_a, protected.ret_c, [FALSE, msg])
        self.raised_to_pcall = True
        return True

    def r_TFORCALL(self, frame, ins):
        a, b = ins[1], ins[2]
        fn = self.callee(a)
        if type(fn) is Builtin:
            if fn.name == "ipairs_iterator" and self.ipairs_step(a, b):
                return
            if fn.name == "next" and self.next_step(a, b):
                return
        self.call(fn, self.get(a), [self.get(a + 1), self.get(a + 2)], a + 4, b + 1)

    def r_RETURN(self, frame, ins):
        a, b = ins[1], ins[2]
        vf = self.vframes[-1]
        if frame.tbc:
            raise TraceAbort("returns from a function with to-be-closed variables")
        if b:
            vals = [self.get(r) for r in range(a, a + b - 1)]
        else:
            if vf.top is None:
                raise TraceAbort("returns a variable number of values")
            vals = [self.get(r) for r in range(a, self.consume_top(vf))]
        self.return_values(vals)

    def r_TAILCALL(self, frame, ins):
        a, b = ins[1], ins[2]
        if len(self.vframes) == 1:
            fn = self.runtime_value(a)
            if type(fn) is not LuaFunction or b == 0 and self.vframes[-1].top is None:
                self.leave_function()
                return
            args = self.call_args(a, b)
            self.tail_call_from_root(self.callee(a), args)
            return
        args = self.call_args(a, b)
        fn = self.callee(a)
        if type(fn) is LuaFunction:
            done = self.vframes.pop()
            caller_pc = self.vframes[-1].call_pc
            self.push_frame(fn, args, done.ret_a, done.ret_c)
            self.vframes[-1].protected = done.protected  # (a pcall's function tail-calls: pcall gets the results)
            self.vframes[-2].call_pc = caller_pc
            return
        # `return f(...)` of a built-in: its results go straight to the caller. One that always returns one value
        # (`return setmetatable(o, mt)`, a constructor's last line) is called for that value
        c = self.vframes[-1].ret_c
        if not c and getattr(fn.fn, "jit_intrinsic", None) in ONE_RESULT:
            c = 2
        if c or fn.name == "assert":
            self.call_builtin(fn, a, args, c or 0)
            vf = self.vframes[-1]
            n = c - 1 if c else self.consume_top(vf) - a
            self.return_values([self.get(a + i) for i in range(n)])
            return
        self.call(fn, self.get(a), args, a, 0)  # the result object, settled once the caller has it
        res = self.get(a)
        self.pending = None
        self.return_values([res])
        caller = self.vframes[-1]
        ret_a, resume = caller.top - 1, caller.call_pc + 1
        self.pending = lambda frame, pc: self.settle_builtin(res, ret_a, resume)

    # ---- unsupported

    def unsupported(self, frame, ins):
        raise TraceAbort(f"unsupported instruction {op.NAMES[ins[0]]}")


for _name in ("ADD", "SUB", "MUL", "DIV", "MOD", "POW", "IDIV", "BAND", "BOR", "BXOR", "SHL", "SHR"):
    setattr(RecordOps, "r_" + _name, RecordOps.arith)
for _name in ("EQ", "LT", "LE"):
    setattr(RecordOps, "r_" + _name, RecordOps.compare)
RecordOps.dispatch = [getattr(RecordOps, "r_" + name, RecordOps.unsupported) for name in op.NAMES]
