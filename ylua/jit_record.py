"""Recording a Lua trace (cf. LuaJIT's lj_record.c): the recorder keeps the registers of every frame the trace has
entered as typed SSA values, so that no register is read from or written to memory inside the loop.

- Root frame (the one whose loop is traced): a register the iteration reads before writing it is loaded once, in
  the preamble, with a guard on the type it has now (its *entry value*). Registers the iteration writes stay
  virtual: a snapshot lists them as pending writes, which the exit performs; at the loop's end each written register
  is carried to the next iteration through the label (a phi). Integers and floats stay unboxed across iterations.
- Inlined frames (Lua functions the trace called): every register is virtual; a snapshot lists them all, and the
  deopt rebuilds the Frame objects.
- Branches are recorded when the next instruction shows which way the interpreter went (`pending`), and their
  guards resume at the other target, so nothing is executed twice after a deopt.

The per-opcode recording lives in jit_record_ops.py (RecordOps, with its table part in jit_record_tables.py and
its built-in intrinsics in jit_record_intrinsics.py); this file holds the state and its bookkeeping.
"""

from __future__ import annotations

from jit.ir import FLOAT, INT, OBJ, Const, const_obj
from jit.ir.facts import register_facts
from jit.layout import slot_offset
from jit.location import DONT_TRACE
from jit.recorder import TraceAbort
from ylua import opcodes as op
from ylua.frame import Frame
from ylua.jit_record_ops import FRAME_FUNC, FRAME_PC, FUNC_UPVALS, RecordOps
from ylua.jit_record_tables import CELL_V
from ylua.jit_values import (KIND_OF_MACHINE_TYPE, KIND_OF_TYPE, NIL, ROOT, TV, InlinedFrame, MultipleResults,
                             RootFrame, const_tv, frame_closure, split_varargs)
from ylua.liveness import live_at

FRAME_REGS = slot_offset(Frame, "regs")
FRAME_PARENT = slot_offset(Frame, "parent")
FRAME_TBC = slot_offset(Frame, "tbc")
FRAME_OUTER = slot_offset(Frame, "outer")
FRAME_VARARGS = slot_offset(Frame, "varargs")
FRAME_RET_A = slot_offset(Frame, "ret_a")
FRAME_RET_C = slot_offset(Frame, "ret_c")
MULTIPLE_VALUES = slot_offset(MultipleResults, "values")
MAX_INLINE_DEPTH = 24
TRUE = const_tv(True)
MAX_UNROLL = 12  # iterations of a loop in a called function that a trace may unroll (cf. LuaJIT's loopunroll)


def parent_tv(rec, v) -> TV:
    """What a side trace knows of value `v` of its parent's exit: an input (of the parent's machine type) or a
    constant."""
    if v.is_const() and v.type == OBJ:
        return const_tv(v.value)
    return TV(rec.from_parent(v), KIND_OF_MACHINE_TYPE[v.type])


def virtual_frames_of(rec, snap, frames, start) -> list:
    """VFrames for the frames snap.frames[start:] of a parent exit's snapshot (a side trace keeps their registers as
    its inputs), over the interpreter frames the deopt rebuilt for them; each one's call_pc is where it called the
    next."""
    out = []
    for k in range(start, len(snap.frames)):
        sf = snap.frames[k]
        d = sf.desc
        if out:
            out[-1].call_pc = snap.frames[k - 1].pc
        closure, values = frame_closure(d, sf.values)
        regs, varargs = split_varargs(values, d.nvarargs)
        vf = VFrame(frames[k].func, frames[k], {r: parent_tv(rec, v) for r, v in enumerate(regs)}, d.ret_a, d.ret_c)
        if varargs is not None:
            vf.varargs = [parent_tv(rec, v) for v in varargs]
        if d.dynamic:
            vf.closure_v = parent_tv(rec, closure).v
        vf.protected = d.protected
        out.append(vf)
    return out


class VFrame:
    """A Lua frame as the trace sees it."""

    __slots__ = ("func", "frame", "regs", "ret_a", "ret_c", "call_pc", "top", "varargs", "closure_v", "cells",
                 "protected")

    def __init__(self, func, frame, regs, ret_a=0, ret_c=0):
        self.func = func
        self.frame = frame  # the interpreter's Frame while recording (set when the call is entered)
        self.regs = regs  # register -> TV (root: only the registers the trace has touched)
        self.ret_a = ret_a
        self.ret_c = ret_c
        self.call_pc = 0  # while a callee runs: the pc of the CALL
        self.top = None  # the top of a variable number of values (after CALL c=0), until it is consumed
        self.varargs = None  # an inlined vararg function's extra arguments (TVs); the root frame's are in its Frame
        self.closure_v = None  # when the call checked only the prototype: the closure (an SSA value), else `func`
        self.cells = {}  # upvalue index -> its cell, loaded from closure_v
        self.protected = False  # pcall called it (the trace inlined the pcall): it returns true before its results


class LuaRecording(RecordOps):
    def __init__(self, driver, rt, ts, rec, frame, pc):
        """A root trace's recording, starting at the loop instruction `pc` of `frame`."""
        self.init_state(driver, rt, ts, rec, VFrame(frame.func, frame, {}), pc)
        self.loop_pc = pc
        self.root_frame = frame
        self.entry_values = list(frame.regs)
        self.frame_input = rec.inputs[0]
        if self.side:
            return  # for_side_trace() sets up the rest
        # No guard on the frame's closure: every closure of this function reaches this location, and the trace
        # loads what differs between them (the upvalue cells, see upval_cell) from the frame's own closure.
        rec.at(self.position(frame.func.proto, pc), self.entry_snapshot())
        self.regs_list = rec.preamble_op("getslot", self.frame_input, rec.const(FRAME_REGS))

    def init_state(self, driver, rt, ts, rec, root, pc):
        """The state every recording starts with; `root` is the VFrame of the trace's outermost frame."""
        self.driver = driver
        self.rt = rt
        self.ts = ts
        self.rec = rec
        self.thread = None  # the coroutine (or main thread) being recorded
        self.yielded = False  # that coroutine yielded: the recording waits for it to be resumed
        self.helpers = driver.helpers
        rec.user = self
        self.side = rec.parent is not None
        self.loop_pc = -1
        self.root_frame = None  # loop traces: the interpreter frame of the loop
        self.started = False
        self.pending = None
        self.entry_values = []
        self.root = root
        self.vframes = [root]
        self.entry: dict[int, TV] = {}  # root registers loaded in the preamble
        self.written: dict[int, None] = {}  # root registers the iteration has written (ordered)
        self.body_snapshots = []
        self.loop_starts_seen: dict = {}  # (frame, pc) of other loops -> iterations unrolled so far
        self.pc = pc
        self.frame_input = None  # loop traces: the input holding the loop's frame
        self.regs_list = None
        self.opaque_call = None  # a Lua function whose call the trace makes natively: the VM runs it unrecorded
        self.spread = None  # (register, ret_c) while recording a guard on a native call's result (see call_natively)
        self.empty_tables: set = set()  # ids of the tables made by NEWTABLE that nothing was stored in yet
        self.root_cells: dict = {}  # upvalue index -> its cell, loaded from the loop frame's closure
        self.root_fixed: dict = {}  # upvalue index -> the value of that fixed upvalue, loaded once
        self.opaque_result = None  # what the last opaque call's function trace returned
        self.consumed_top = None  # (vframe, top) that the instruction being recorded consumed (see consume_top)
        self.callee_closure = None  # the callee just checked by its prototype only (see RecordOps.callee)
        self.expected_metamethod = None  # (function, argument TVs, result register) the VM is about to call
        self.pcall_entered = False  # the CALL just recorded inlined a pcall: the VM runs it in-VM (takes_pcall)
        self.raised_to_pcall = False  # the CALL just recorded is an error that an inlined pcall catches
        self.skip_to = None  # (frame, join pc) while the interpreter runs an if-converted arm (jit_ifconv.py)
        self.fresh_closures: set = set()  # ids of the SSA values of closures the trace itself made

    @classmethod
    def for_side_trace(cls, driver, rt, ts, rec, frames, top):
        """The recording of a side trace: it starts where its parent's guard `rec.parent` resumed the interpreter,
        in the interpreter frames `frames` (outermost first) rebuilt from the guard's snapshot, with the registers
        the snapshot holds as the trace's inputs."""
        snap = rec.parent.snapshot
        self = cls(driver, rt, ts, rec, frames[0], snap.frames[-1].pc)
        self.frame_input = rec.from_parent(snap.frames[0].values[0])
        self.regs_list = rec.op("getslot", self.frame_input, rec.const(FRAME_REGS))
        for _target, r, v in snap.writes:
            self.root.regs[r] = parent_tv(rec, v)
            self.written[r] = None
        self.vframes.extend(virtual_frames_of(rec, snap, frames, 1))
        if len(self.vframes) > 1:
            self.root.call_pc = snap.frames[0].pc
        self.vframes[-1].top = top
        self.assume_parent_facts(rec.parent)
        return self

    def assume_parent_facts(self, ex):
        """The loop frame's registers whose types the parent's loop knows (jit/ir/facts.py) are typed from the
        start, with no guard: the side trace's own reads need none, and the preamble it copies to enter that loop
        has its guards on them dropped."""
        rec = self.rec
        regs = self.root_frame.regs
        assume = {"guard_type": "assume_type", "guard_is": "assume_is"}  # what `checked` would guard, known
        for (slot, r), (kind, what) in register_facts(ex).items():
            if slot != FRAME_REGS or r in self.root.regs or r >= len(regs):
                continue
            value = regs[r]
            if (type(value) is not what) if kind == "type" else (value is not what):
                continue  # (cannot happen: the interpreter resumed with what the trace left)
            o = rec.op("getreg", self.regs_list, rec.const(r))
            self.root.regs[r] = self.checked(o, value, lambda name, v, c: rec.op(assume[name], v, c), rec.op, NIL)

    # ---- the interface the VM calls

    def record(self, rt, frame, pc):
        try:
            if self.pending is not None:
                pending, self.pending = self.pending, None
                pending(frame, pc)
            if self.skip_to is not None:  # the interpreter runs the arm of a branch recorded as selects
                arm_frame, join = self.skip_to
                if frame is not arm_frame:
                    raise TraceAbort("left the frame inside an if-converted branch")
                if pc != join:
                    return
                self.skip_to = None
            if self.expected_metamethod is not None:
                raise TraceAbort("the interpreter did not call the metamethod the recording expected")
            top = self.vframes[-1]
            if top.frame is None:
                top.frame = frame
            if frame is not top.frame:
                raise TraceAbort("lost track of the interpreter's frames")
            ins = frame.func.proto.code[pc]
            o = ins[0]
            if o in op.LOOP_STARTS and self.started and self.loop_start(frame, pc):
                return
            self.started = True
            self.pc = pc
            self.consumed_top = None
            proto = frame.func.proto
            pos = self.position(proto, pc)
            self.rec.at(pos, None)
            if self.rec.wants_aot:
                self.rec.aot(f"{pos}  {pc:4d}  {op.NAMES[o]} {ins[1]} {ins[2]} {ins[3]} {ins[4]}")
            self.dispatch[o](self, frame, ins)
        except TraceAbort as e:
            self.driver.abort_recording(rt, self, str(e), e.transient, e.waiting_on, e.final)
        except Exception as e:  # noqa: BLE001 - a recording bug must cost this trace, never the program
            reason = f"internal error while recording: {type(e).__name__}: {e}"
            self.driver.mt.log.warning(f"{reason} (at {self.rec.pos})")  # a bug: the test suites look for these
            self.driver.abort_recording(rt, self, reason)

    def loop_start(self, frame, pc) -> bool:
        """At a loop start (not the first instruction): close the loop, or jump into another loop's trace (True:
        the recording ended), or go on recording (False)."""
        if not self.side and frame is self.root_frame and pc == self.loop_pc:
            self.close_loop(frame)
            return True
        if len(self.vframes) > 1:
            target = self.driver.compiled_trace_at(frame, pc)
            if target is not None and target.kind == "root":
                self.jump_into_callee(target, pc)
                return True
        target = self.driver.compiled_trace_at(frame, pc) if len(self.vframes) == 1 else None
        if target is not None:
            if not self.side and self.driver.detour(self.rec.loc):
                # this iteration leaves the loop for another trace (an inner loop, mostly): a trace recorded on it
                # would not loop. Another iteration may stay in the loop (a sieve's outer loop skips its inner loop
                # for most numbers); try a few before settling for the jump
                raise TraceAbort(f"enters the trace at {self.position(frame.func.proto, pc)}", transient=True)
            self.jump_into(target, pc)
            return True
        # another loop. In a called function it runs a few iterations (unroll them into this trace); in the root
        # frame it gets its own trace, into which traces jump (a side trace may pass through it once), unless it
        # cannot have one: then a few of its iterations are recorded too
        if len(self.vframes) > 1 or self.driver.location(frame.func.proto, pc).state == DONT_TRACE:
            limit = MAX_UNROLL
        else:
            limit = 1 if self.side else 0
        self.unroll(frame, pc, limit)
        return False

    def unroll(self, frame, pc, limit):
        """Record one more iteration of the loop at (frame, pc), or abort after `limit` of them."""
        seen = self.loop_starts_seen.get((frame, pc), 0) + 1
        if seen > limit:
            # the loop gets its own trace, which a recording that meets it before (counting, or compiling) will find
            # later: an outer loop must not become DontTrace because its inner loop is not compiled yet, nor an
            # inner loop whose recorded iteration left it for the outer loop's start (a work-list loop that runs a
            # few iterations each time: the two would abort on each other until both gave up)
            loc = self.driver.location(frame.func.proto, pc)
            transient = loc.state != DONT_TRACE
            raise TraceAbort(f"inner loop at {self.position(frame.func.proto, pc)}", transient, loc)
        self.loop_starts_seen[(frame, pc)] = seen

    def nested_call(self, fn, args) -> bool:
        """A nested activation starts. True when it calls the metamethod the recording expects (RecordOps.
        metamethod_call): its frame is inlined, and the recording follows the activation. False when the trace
        calls it, not tracing into it."""
        expected = self.expected_metamethod
        if expected is None or expected[0] is not fn:
            return False
        self.expected_metamethod = None
        _, tvs, a = expected
        self.push_frame(fn, tvs, a, 2)
        return True

    def takes_pcall(self) -> bool:
        """The VM asks, about to run a pcall of a Lua function while recording, whether the recording inlined it
        (the VM then runs the function in its own activation, as the recording follows it) or calls the built-in."""
        entered, self.pcall_entered = self.pcall_entered, False
        return entered

    def error(self, exc):
        """The recorded activation raises: the recording cannot go on, unless it recorded the error as a return
        to the in-VM pcall that catches it (RecordOps.raise_to_pcall)."""
        if self.raised_to_pcall:
            self.raised_to_pcall = False
            return
        self.driver.abort_recording(self.rt, self, "the traced code raised an error")

    # ---- positions and snapshots

    @staticmethod
    def position(proto, pc) -> str:
        return f"{proto.source}:{proto.lines[pc] if pc < len(proto.lines) else proto.line}"

    def entry_snapshot(self):
        return self.rec.snapshot([(ROOT, self.loop_pc, [self.rec.inputs[0]])])

    def snapshot(self, pc=None):
        """The interpreter state to resume at: the current instruction (or `pc`) of the innermost frame."""
        rec = self.rec
        vfs = self.vframes
        last = len(vfs) - 1
        pc = self.pc if pc is None else pc
        root = self.root
        top = self.top_of(root, pc) if last == 0 else None
        if top is not None or (last == 0 and self.spread is not None):
            root_desc = RootFrame(top, self.spread)
        else:
            root_desc = ROOT
        frame = self.frame_input if self.frame_input is not None else rec.inputs[0]
        frames = [(root_desc, pc if last == 0 else root.call_pc, [frame])]
        frames.extend(self.virtual_frames(1, pc))
        live = live_at(root.func.proto, pc) if last == 0 else self.live_in_caller(0)
        writes = [(self.regs_list, r, self.obj(root.regs[r], emit=False)) for r in self.written if live >> r & 1]
        snap = rec.snapshot(frames, writes)
        self.body_snapshots.append(snap)
        return snap

    def root_upval_cell(self, b):
        """Cell of upvalue b of the loop frame's closure, loaded once (in the preamble of a root trace)."""
        cell = self.root_cells.get(b)
        if cell is None:
            rec = self.rec
            emit = rec.op if self.side else rec.preamble_op
            func = emit("getslot", self.frame_input, rec.const(FRAME_FUNC))
            cell = emit("list_getitem", emit("getslot", func, rec.const(FUNC_UPVALS)), rec.const(b))
            self.root_cells[b] = cell
        return cell

    def root_fixed_value(self, b):
        """The value of fixed upvalue b of the loop frame's closure (ylua/fixed_upvalues.py), loaded once (in the
        preamble of a root trace): calls in the loop do not make the trace load it again."""
        v = self.root_fixed.get(b)
        if v is None:
            rec = self.rec
            emit = rec.op if self.side else rec.preamble_op
            v = self.root_fixed[b] = emit("getslot", self.root_upval_cell(b), rec.const(CELL_V))
        return v

    def virtual_frames(self, start, pc):
        """Snapshot entries for the frames vframes[start:], whose registers the trace keeps (all of them)."""
        vfs = self.vframes
        last = len(vfs) - 1
        out = []
        for k in range(start, last + 1):
            vf = vfs[k]
            extra = vf.varargs or ()
            desc = InlinedFrame(vf.func, vf.ret_a, vf.ret_c, self.top_of(vf, pc) if k == last else None,
                                self.spread if k == last else None, len(extra), vf.closure_v is not None,
                                vf.protected)
            live = live_at(vf.func.proto, pc) if k == last else self.live_in_caller(k)
            values = [self.obj(vf.regs.get(r, NIL) if live >> r & 1 else NIL, emit=False)
                      for r in range(vf.func.proto.max_stack)]
            values.extend(self.obj(tv, emit=False) for tv in extra)
            if vf.closure_v is not None:
                values.append(vf.closure_v)
            out.append((desc, pc if k == last else vf.call_pc, values))
        return out

    def live_in_caller(self, k) -> int:
        """The registers of vframes[k] that an exit keeps while it waits for its call of vframes[k + 1]: those live
        after the call (where it resumes), less the ones the call's results overwrite."""
        vf, callee = self.vframes[k], self.vframes[k + 1]
        live = live_at(vf.func.proto, vf.call_pc + 1)
        first, wanted = callee.ret_a, callee.ret_c - 1  # (ret_c 0: all results, from ret_a up)
        return live & ~(((1 << wanted) - 1) << first) if wanted >= 0 else live & ((1 << first) - 1)

    def consume_top(self, vf) -> int:
        """The instruction being recorded takes the variable number of values up to vf.top. The exits of its own
        guards resume at it, so their snapshots still hold that top (see top_of)."""
        top, vf.top = vf.top, None
        self.consumed_top = (vf, top)
        return top

    def top_of(self, vf, pc):
        """The `top` that frame vf resumes with at `pc` (None when it has none)."""
        if vf.top is not None:
            return vf.top
        consumed = self.consumed_top
        if consumed is not None and consumed[0] is vf and pc == self.pc:
            return consumed[1]
        return None

    def guard(self, name, *args, pc=None):
        self.rec.at(self.rec.pos, self.snapshot(pc))
        return self.rec.op(name, *args)

    def raising(self, name, *args):
        """An op that may raise (calls): its exit resumes at the current instruction and re-raises there."""
        self.rec.at(self.rec.pos, self.snapshot())
        return self.rec.op(name, *args)

    # ---- registers

    def runtime_value(self, r):
        vf = self.vframes[-1]
        return vf.frame.regs[r]

    def get(self, r) -> TV:
        vf = self.vframes[-1]
        tv = vf.regs.get(r)
        if tv is None:
            if vf is not self.root:
                return NIL
            tv = self.load_entry(r)
        return tv

    def operand(self, x) -> TV:
        """An X operand: a register, or the constant -1-x."""
        if x < 0:
            return const_tv(self.vframes[-1].func.proto.consts[-1 - x])
        return self.get(x)

    def operand_value(self, x):
        """The run-time value of an X operand while recording."""
        if x < 0:
            return self.vframes[-1].func.proto.consts[-1 - x]
        return self.runtime_value(x)

    def set(self, r, tv: TV):
        self.set_in(self.vframes[-1], r, tv)

    def set_in(self, vf, r, tv: TV):
        vf.regs[r] = tv
        if vf is self.root:
            self.written[r] = None

    def load_entry(self, r) -> TV:
        """First read of a root register: load it in the preamble and guard its current type there (a side trace
        has no preamble: it loads the register where it first reads it)."""
        rec = self.rec
        value = self.root_frame.regs[r]
        if self.side:
            tv = self.typed(TV(rec.op("getreg", self.regs_list, rec.const(r)), "any"), value)
            self.root.regs[r] = tv
            return tv
        rec.at(rec.pos, self.entry_snapshot())
        o = rec.preamble_op("getreg", self.regs_list, rec.const(r))
        tv = self.typed_entry(o, value)
        self.entry[r] = tv
        self.root.regs[r] = tv
        return tv

    def typed_entry(self, o, value) -> TV:
        """Preamble value `o` with the kind of its run-time `value`, guarded (and unboxed) before the loop."""
        rec = self.rec
        return self.checked(o, value, rec.preamble_op, rec.preamble_op, TV(o, "nil"))

    def typed(self, tv: TV, value, pc=None) -> TV:
        """`tv` with its kind checked against the run-time `value` it has now (a guard when it was unknown)."""
        if tv.kind != "any":
            return tv
        return self.checked(tv.v, value, lambda *args: self.guard(*args, pc=pc), self.rec.op, NIL)

    @staticmethod
    def checked(o, value, guard, emit, nil: TV) -> TV:
        """Object `o` known to hold a value of `value`'s type: guard(...) checks the type, emit(...) unboxes
        numbers; `nil` is what a nil becomes."""
        if value is None:
            guard("guard_is", o, const_obj(None))
            return nil
        tp = type(value)
        guard("guard_type", o, const_obj(tp))
        kind = KIND_OF_TYPE.get(tp, "obj")
        if kind == "int":
            return TV(emit("unbox_int", o), "int")
        if kind == "float":
            return TV(emit("unbox_float", o), "float")
        return TV(o, kind)

    def typed_reg(self, r) -> TV:
        """Register r with a known kind (refining the register's own entry when it was unknown)."""
        tv = self.get(r)
        if tv.kind == "any":
            tv = self.typed(tv, self.runtime_value(r))
            self.vframes[-1].regs[r] = tv
        return tv

    def typed_operand(self, x) -> TV:
        return self.typed_reg(x) if x >= 0 else self.operand(x)

    def obj(self, tv: TV, emit=True):
        """The value as a Python object (boxing machine values; in snapshots the exit boxes them)."""
        v = tv.v
        if v.type == OBJ or not emit:
            return v
        if isinstance(v, Const):
            return const_obj(v.value)
        if v.type == INT:
            return self.rec.op("box_int", v)
        if v.type == FLOAT:
            return self.rec.op("box_float", v)
        return self.rec.op("box_bool", v)

    # ---- closing the loop

    def close_loop(self, frame):
        """Back at the loop start in the root frame: carry every written register into the next iteration."""
        rec = self.rec
        if len(self.vframes) != 1:
            raise TraceAbort("loop closed inside an inlined call")
        label_args, jump_args, carried = [], [], {}
        live = live_at(self.root.func.proto, self.loop_pc)
        for r in self.written:
            if not live >> r & 1:  # written before it is read in every iteration: nothing to carry
                continue
            end = self.root.regs[r]
            ent = self.entry.get(r)
            if ent is None:
                ent = self.carried_entry(r, end)
            if end.kind == "any" and ent.kind != "any":
                end = self.typed(end, self.root_frame.regs[r], pc=self.loop_pc)
            if ent.kind == "any" or (ent.kind == end.kind and ent.v.type == OBJ):
                new = self.obj(end)
            elif ent.kind == end.kind and ent.v.type == end.v.type:
                new = end.v
            else:
                raise TraceAbort(f"type-unstable loop: register {r} is {ent.kind} on entry and {end.kind} after an "
                                 f"iteration")
            label_args.append(ent.v)
            jump_args.append(new)
            carried[r] = ent.v
        for snap in self.body_snapshots:
            have = {w[1] for w in snap.writes}
            snap.writes.extend((self.regs_list, r, v) for r, v in carried.items() if r not in have)
        rec.set_loop(label_args, jump_args)
        self.driver.stop_recording(self.rt, self, frame)

    def jump_into(self, target, pc):
        """The recording reached the loop start `pc` of another compiled trace in the root frame: store the
        registers kept virtual that are live there and end with a jump into that trace (which loads what it needs
        in its preamble)."""
        rec = self.rec
        live = live_at(self.root.func.proto, pc)
        for r in self.written:
            if live >> r & 1:
                rec.op("setreg", self.regs_list, rec.const(r), self.obj(self.root.regs[r]))
        rec.jump_to(target, [self.frame_input])
        if self.side:
            self.driver.stop_side_recording(self.rt, self, target)
        else:
            rec.set_loop([], [])
            self.driver.stop_recording_elsewhere(self.rt, self)

    def jump_into_callee(self, target, pc):
        """The recording reached, in a function it inlined, the loop start `pc` of another compiled loop trace: the
        inlined frames become interpreter frames, made natively (their registers boxed into fresh register lists),
        and the trace jumps into that loop's trace with the innermost one. The trace's own frame resumes at its call
        when they return; a side trace from that loop's exit returns to it (return_to_caller)."""
        if any(vf.protected for vf in self.vframes):
            raise TraceAbort("reaches a compiled loop inside a pcall it inlined")
        rec = self.rec
        root = self.root
        for r in self.written:  # the frame resumes mid-call later: everything it holds is kept
            rec.op("setreg", self.regs_list, rec.const(r), self.obj(root.regs[r]))
        rec.op("setslot", self.frame_input, rec.const(FRAME_PC), const_obj(root.call_pc))
        parent = self.frame_input
        last = len(self.vframes) - 1
        for k in range(1, last + 1):
            vf = self.vframes[k]
            at = pc if k == last else vf.call_pc
            parent = self.materialize(vf, parent, at, live_at(vf.func.proto, pc) if k == last else -1)
        rec.jump_to(target, [parent])
        if self.side:
            self.driver.stop_side_recording(self.rt, self, target)
        else:
            rec.set_loop([], [])
            self.driver.stop_recording_elsewhere(self.rt, self)

    def materialize(self, vf, parent, pc, live):
        """A Frame for the inlined frame vf (called from `parent`, an IR value), as new_frame makes one, at `pc`."""
        rec = self.rec
        p = vf.func.proto
        frame = rec.op("new_object", const_obj(Frame))
        regs = rec.op("new_list", rec.const(p.max_stack))
        for r, tv in vf.regs.items():
            if r < p.max_stack and live >> r & 1 and tv.kind != "nil":
                rec.op("list_setitem", regs, rec.const(r), self.obj(tv))
        varargs = const_obj(None)
        if vf.varargs:
            varargs = rec.op("new_list", rec.const(len(vf.varargs)))
            for i, tv in enumerate(vf.varargs):
                rec.op("list_setitem", varargs, rec.const(i), self.obj(tv))
        func = vf.closure_v if vf.closure_v is not None else const_obj(vf.func)
        for offset, value in ((FRAME_FUNC, func), (FRAME_REGS, regs), (FRAME_VARARGS, varargs),
                              (FRAME_PARENT, parent), (FRAME_PC, const_obj(pc)), (FRAME_RET_A, const_obj(vf.ret_a)),
                              (FRAME_RET_C, const_obj(vf.ret_c)), (FRAME_TBC, const_obj(None)),
                              (FRAME_OUTER, const_obj(None))):
            rec.op("setslot", frame, rec.const(offset), value)
        return frame

    def carried_entry(self, r, end: TV) -> TV:
        """A register first written (not read) by the iteration: its value from the previous iteration is carried
        all the same, for the exits that happen before this iteration writes it."""
        rec = self.rec
        rec.at(rec.pos, self.entry_snapshot())
        o = rec.preamble_op("getreg", self.regs_list, rec.const(r))
        value = self.entry_values[r] if r < len(self.entry_values) else None
        if KIND_OF_TYPE.get(type(value), "obj") == end.kind and end.kind not in ("nil", "any"):
            return self.typed_entry(o, value)
        return TV(o, "any")

    # ---- inlined frames

    def push_frame(self, fn, args, ret_a, ret_c):
        if len(self.vframes) >= MAX_INLINE_DEPTH:
            raise TraceAbort("calls nested too deeply to inline")
        self.vframes[-1].call_pc = self.pc
        self.vframes.append(self.callee_frame(fn, args, ret_a, ret_c))

    def callee_frame(self, fn, args, ret_a, ret_c) -> VFrame:
        """The frame of a call of `fn` with `args` (TVs) that returns to register ret_a for ret_c - 1 results."""
        p = fn.proto
        vf = VFrame(fn, None, {i: args[i] if i < len(args) else NIL for i in range(p.num_params)}, ret_a, ret_c)
        if p.is_vararg:  # the trace is specialised on their number, which the call site's recording fixed
            vf.varargs = list(args[p.num_params:])
        vf.closure_v, self.callee_closure = self.callee_closure, None
        return vf

    def native_target(self, fn):
        """The function trace a call of `fn` runs natively (see jit_calls.py), or None to inline the call."""
        return self.driver.calls.compiled_for(fn)

    def inlines_loops(self, fn) -> bool:
        """A loop trace inlines a call of a function whose loop runs long (its function trace left at a loop of a
        function it inlined, when it was recorded), unless it is recursive: the loop then runs in its own trace,
        which the recording jumps into (jump_into_callee), and that trace's exit returns to this frame
        (return_to_caller) and comes back here. (Loops of the traced function itself run natively in the call:
        jit_record_func_loops.py.)"""
        entry = self.driver.calls.entry_of(fn.proto)
        return entry.long_loop and all(vf.func.proto is not fn.proto for vf in self.vframes)

    def call_natively(self, fn, args, ret_a, ret_c, tail=False):
        """Record a call of Lua function `fn` as a native call of its function trace, when it has one (the VM then
        runs the call unrecorded): returns its result (a TV), or None to inline the call instead.

        A function trace returns one value, or a MultipleResults when the call returned another number of them.
        Unless the function always returns exactly one value, a guard checks that after the call; when it fails,
        the interpreter resumes after the call with the values spread as the call site wants them. A tail call
        passes the result on unchecked: the caller of this trace checks it."""
        if self.inlines_loops(fn):
            return None
        target = self.native_target(fn) if self.callee_closure is None else None
        if target is None:
            entry = self.driver.calls.entry_of(fn.proto)
            if not entry.recursive and any(cell.v is fn for cell in fn.upvals):
                entry.recursive = True  # `local function f` that calls itself, on another path than this one
            if entry.wanted():
                raise TraceAbort(f"waits for the function trace of {fn.proto.source}:{fn.proto.line}", True,
                                 entry.loc)
            return None
        n = fn.proto.num_params
        objs = [self.obj(args[i]) if i < len(args) else const_obj(None) for i in range(n)]
        fallback = const_obj(self.driver.calls.fallback_for(fn))
        site = self.rec.const(self.call_site())
        res = TV(self.raising("call_trace", const_obj(target), fallback, site, *objs), "any")
        self.opaque_call = fn
        if ret_c == 1 or tail:
            return res
        self.store_results(self.vframes[-1], ret_a, ret_c, [res])
        if not fn.proto.jit_call.returns_one:  # what this call returns decides the guards (at the next instruction)
            self.pending = lambda frame, pc: self.settle_results(res, ret_a, ret_c)
        return res

    def guard_results(self, cond, expect: bool, a, c, resume_pc):
        """A guard on a call's result: when it fails, the interpreter resumes after the call (at `resume_pc`) with
        the values spread (see spread_results)."""
        self.spread = (a, c)
        try:
            self.guard("guard_true" if expect else "guard_false", cond, pc=resume_pc)
        finally:
            self.spread = None

    def settle_results(self, res, a, c, resume_pc=None):
        """After a native call that wants c - 1 results (0: all of them): specialise on what it returned this
        time, one value or a MultipleResults of some length. The guards resume at `resume_pc` (by default after
        the call being recorded)."""
        rec = self.rec
        raw = self.opaque_result
        pc = self.pc + 1 if resume_pc is None else resume_pc
        is_multi = rec.op("type_is", res.v, const_obj(MultipleResults))
        if type(raw) is not MultipleResults:
            self.guard_results(is_multi, False, a, c, pc)
            return
        self.guard_results(is_multi, True, a, c, pc)
        vals = rec.op("getslot", res.v, rec.const(MULTIPLE_VALUES))
        n = len(raw.values)
        self.guard_results(rec.op("int_eq", rec.op("tuple_len", vals), rec.const(n)), True, a, c, pc)
        tvs = [TV(rec.op("tuple_getitem", vals, rec.const(i)), "any") for i in range(n if c == 0 else min(n, c - 1))]
        self.store_results(self.vframes[-1], a, c, tvs)

    def call_site(self) -> int:
        """The number of this call's site (see jit_native_frames.py): the frames the trace has here. A loop trace's
        outermost frame is the interpreter's own: its pc is stored for what looks at it during the call."""
        vfs = self.vframes
        last = len(vfs) - 1
        frames = [(vf.func, self.pc if k == last else vf.call_pc) for k, vf in enumerate(vfs)]
        from_loop = self.frame_input is not None
        if from_loop:
            rec = self.rec
            rec.op("setslot", self.frame_input, rec.const(FRAME_PC), const_obj(frames[0][1]))
            frames = frames[1:]
        return self.driver.calls.sites.number(frames, from_loop)

    def leave_function(self, vals=None):
        """The recording reaches a return (`vals`, the returned TVs) or a tail call of the traced loop's own
        function. A side trace goes on in the function's caller when it can (return_to_caller), else ends there,
        leaving to the interpreter, which runs that instruction; a root recording that returns in its first
        iteration has no loop to trace."""
        if not self.side:
            raise TraceAbort("returns from the traced loop's function")
        if vals is not None and self.return_to_caller(vals):
            return
        rec = self.rec
        rec.at(rec.pos, self.snapshot())
        rec.finish()
        self.driver.stop_side_recording(self.rt, self, None)

    def return_to_caller(self, vals) -> bool:
        """Return `vals` from the trace's own frame to the interpreter frame that called it, in the same activation
        (LuaJIT's return to a lower frame): the caller becomes the trace's frame, behind guards that the frame has
        that caller and that the caller waits at the same call, and the recording goes on there. Typically a side
        trace that leaves a loop in a function returns to the loop that calls the function, and jumps into that
        loop's trace. False when the frame has no such caller (it is where its activation began)."""
        frame = self.switch_to_caller()
        if frame is None:
            return False
        self.store_results(self.root, frame.ret_a, frame.ret_c, vals)
        return True

    def tail_call_from_root(self, fn, args):
        """`return f(...)` of Lua function `fn` in the trace's own frame (a side trace's): the caller becomes the
        trace's frame (as for a return, see return_to_caller) and calls fn, whose results go where the tail-calling
        frame's would have gone, as the interpreter's tail call replaces that frame. Otherwise the trace ends there
        (richards' `return self.scheduler:queue(packet)` left its loop's exit side trace 110000 times)."""
        if not self.side or self.driver.calls.compiled_for(fn) is not None:
            self.leave_function()
            return
        frame = self.switch_to_caller()
        if frame is None:
            self.leave_function()
            return
        self.root.call_pc = frame.parent.pc
        self.vframes.append(self.callee_frame(fn, args, frame.ret_a, frame.ret_c))

    def switch_to_caller(self):
        """Make the interpreter frame that called the trace's frame, in the same activation, the trace's frame,
        behind guards that the frame has that caller and that the caller waits at the same call; returns the old
        frame, or None when it has no such caller (nothing changes then)."""
        frame = self.root.frame
        caller = frame.parent
        if caller is None or frame.outer is not None or frame.tbc or caller.func.proto.code[caller.pc][0] != op.CALL:
            return None
        rec = self.rec
        self.guard("guard_is", rec.op("getslot", self.frame_input, rec.const(FRAME_TBC)), const_obj(None))
        # an activation's first frame has `outer` set: its parent belongs to another activation
        self.guard("guard_is", rec.op("getslot", self.frame_input, rec.const(FRAME_OUTER)), const_obj(None))
        parent = rec.op("getslot", self.frame_input, rec.const(FRAME_PARENT))
        self.guard("guard_is_not", parent, const_obj(None))
        self.guard("guard_is", rec.op("getslot", parent, rec.const(FRAME_FUNC)), const_obj(caller.func))
        at = rec.op("unbox_int", rec.op("getslot", parent, rec.const(FRAME_PC)))
        self.guard("guard_true", rec.op("int_eq", at, rec.const(caller.pc)))
        root = VFrame(caller.func, caller, {})
        self.root, self.vframes, self.root_frame = root, [root], caller
        self.frame_input = parent
        self.regs_list = rec.op("getslot", parent, rec.const(FRAME_REGS))
        self.written, self.root_cells, self.root_fixed, self.consumed_top = {}, {}, {}, None
        return frame

    def return_values(self, vals):
        """The innermost inlined frame returns `vals` (TVs) to its caller."""
        if len(self.vframes) == 1:
            self.leave_function(vals)
            return
        done = self.vframes.pop()
        if done.protected:
            vals = [TRUE, *vals]
        caller = self.vframes[-1]
        self.store_results(caller, done.ret_a, done.ret_c, vals)

    def store_results(self, vf, a, c, vals):
        if c == 0:
            for i, tv in enumerate(vals):
                self.set_in(vf, a + i, tv)
            vf.top = a + len(vals)
        else:
            for i in range(c - 1):
                self.set_in(vf, a + i, vals[i] if i < len(vals) else NIL)
