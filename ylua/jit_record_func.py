"""Recording a function trace (see jit_calls.py): from the first instruction of a call of one closure to its return.

It differs from a loop trace's recording (jit_record.py) in its root frame, which is virtual like an inlined frame:
the trace's inputs are the function's parameters, every register lives in SSA values, and a snapshot describes the
root frame with all its registers, so that an exit can rebuild it. The trace ends with `ret` (the first value the
function returns). A call of the closure itself becomes `call_trace SELF_CALL` (native recursion); so does a tail
call of it, followed by `ret`. A tail call of another Lua function from the root frame calls its function trace
when it has one; otherwise the callee's frame replaces the root frame, as the interpreter's tail call replaces the
caller's frame, and the recording goes on in the callee (a dispatcher's `return parse_number(s, pos)`).
"""

from __future__ import annotations

from jit.ir import const_obj
from jit.recorder import TraceAbort
from jit.trace import SELF_CALL
from ylua import opcodes as op
from ylua.jit_record import MAX_INLINE_DEPTH, MAX_UNROLL, MULTIPLE_VALUES, LuaRecording, VFrame, virtual_frames_of
from ylua.jit_record_func_loops import FunctionLoops
from ylua.jit_record_ops import NEEDS_PC, NEVER_FROM_TRACE
from ylua.jit_values import NIL, NO_RESULTS, TV, MultipleResults
from ylua.values import Builtin


class FunctionRecording(FunctionLoops, LuaRecording):
    inlines_pcall = False  # (an error would leave through the exit's nested activation, not at the pcall)

    def inlines_loops(self, fn) -> bool:
        return False  # a function trace calls the function trace of a function with a loop
    def __init__(self, driver, rt, ts, rec, closure, root=None):
        """A root function trace's recording of a call of `closure` (or, for a side trace, from `root`)."""
        if root is None:
            root = VFrame(closure, None, {k: TV(v, "any") for k, v in enumerate(rec.inputs)})
        self.init_state(driver, rt, ts, rec, root, 0)
        self.closure = closure
        self.root_tail_calls = 0

    @classmethod
    def for_side_trace(cls, driver, rt, ts, rec, frames, top):
        """A side trace of a function trace, from the frames its parent's guard rebuilt (outermost first)."""
        snap = rec.parent.snapshot
        vframes = virtual_frames_of(rec, snap, frames, 0)
        self = cls(driver, rt, ts, rec, frames[0].func, vframes[0])
        self.vframes = vframes
        vframes[-1].top = top
        self.pc = snap.frames[-1].pc
        self.start_loop_here()
        return self

    # ---- state

    def load_entry(self, r) -> TV:
        return NIL  # a register of a fresh call that nothing wrote yet

    def snapshot(self, pc=None):
        snap = self.rec.snapshot(self.virtual_frames(0, self.pc if pc is None else pc))
        self.body_snapshots.append(snap)
        return snap

    def loop_start(self, frame, pc) -> bool:
        """A loop of the traced function itself: the trace closes it (when it started at its start), jumps into
        the trace that runs it (a side trace of its body), or stops there (jit_record_func_loops.py). A loop in a
        function the trace inlined runs a few iterations unrolled; when it runs longer, the trace leaves to the
        interpreter at its loop start: a function trace never aborts for a loop it calls."""
        if len(self.vframes) == 1:
            if pc == self.loop_at and self.close_function_loop():
                return True
            if self.side and self.join_loop(pc):
                return True
            if pc != self.loop_at or self.loop_starts_seen.get((frame, pc), 0) >= MAX_UNROLL:
                self.stop_at_loop(pc)
                return True
        seen = self.loop_starts_seen.get((frame, pc), 0)
        if seen >= MAX_UNROLL:
            self.driver.calls.entry_of(self.closure.proto).long_loop = True  # (loop traces inline its calls)
            rec = self.rec
            rec.at(rec.pos, self.snapshot(pc))
            rec.finish()
            self.driver.stop_function_recording(self.rt, self)
            return True
        self.loop_starts_seen[(frame, pc)] = seen + 1
        return False

    # ---- calls and returns

    def native_target(self, fn):
        target = super().native_target(fn)
        if target is None and fn is self.closure and not self.side:
            return SELF_CALL  # recursion: the trace calls itself
        return target

    def return_values(self, vals):
        if len(self.vframes) > 1:
            super().return_values(vals)
            return
        if len(vals) == 1:
            result = self.obj(vals[0])
        elif not vals:
            result = const_obj(NO_RESULTS)
        else:  # a MultipleResults made natively
            rec = self.rec
            result = rec.op("new_object", const_obj(MultipleResults))
            rec.op("setslot", result, rec.const(MULTIPLE_VALUES), rec.op("new_tuple", *[self.obj(v) for v in vals]))
        self.finish_call(result)

    def finish_call(self, result):
        self.rec.op("ret", result)
        self.driver.stop_function_recording(self.rt, self)

    def r_TAILCALL(self, frame, ins):
        if len(self.vframes) > 1:
            super().r_TAILCALL(frame, ins)
            return
        a, b = ins[1], ins[2]
        args = self.call_args(a, b)
        fn = self.callee(a)
        if type(fn) is Builtin:  # the trace calls it and returns all it returns
            if fn.name in NEEDS_PC or fn.name in NEVER_FROM_TRACE:
                raise TraceAbort(f"tail call of '{fn.name}' from the traced function")
            objs = [self.obj(t) for t in args]
            self.finish_call(self.raising("call", const_obj(self.helpers.call_result), self.obj(self.get(a)), *objs))
            return
        # the trace calls it natively (its C stack grows: bounded by the native depth limit) and returns its result
        res = self.call_natively(fn, args, a, 0, tail=True)
        if res is None:
            self.replace_root(fn, args)
            return
        self.opaque_call = None  # the interpreter makes the tail call itself, unrecorded (the trace ends here)
        self.finish_call(res.v)

    def replace_root(self, fn, args):
        """A tail call of Lua function `fn`, which has no function trace, from the root frame: fn's frame becomes
        the root frame (returning where the old one returned, to the trace's caller), and the recording follows
        the interpreter into it. A chain of such calls longer than MAX_INLINE_DEPTH (a tail-recursive loop)
        aborts."""
        self.root_tail_calls += 1
        if self.root_tail_calls > MAX_INLINE_DEPTH:
            raise TraceAbort("tail calls chained too long from the traced function")
        old = self.vframes[0]
        self.vframes[0] = self.root = self.callee_frame(fn, args, old.ret_a, old.ret_c)


FunctionRecording.dispatch = [getattr(FunctionRecording, "r_" + name, FunctionRecording.unsupported)
                              for name in op.NAMES]
