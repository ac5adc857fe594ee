"""Loops of a function trace's own function (mixed into FunctionRecording, jit_record_func.py).

A function trace does not unroll a loop of the function it traces: it stops where the loop starts, with a finish
exit. That exit can take a side trace like a guard's (TraceExit.patchable), and the side trace that starts there
records one iteration and, back at the loop start, closes a loop over the registers the iteration carries: a label
goes before its first op (Recorder.loop_from_start), the trace ends with a jump back to it, and the call runs the
whole loop natively. The loop's exit (its condition failing) grows a side trace that runs the rest of the call to
its `ret`; a side trace of the tree that comes back to the loop start jumps into a trace that starts there (join_loop:
the loop's, past the label when the optimiser can, jit/ir/loop_entry.py; or, for nested loops, the outer loop's
trace that stops at the inner loop).

Unrolling was what the trace did before: each iteration had its own guards, so each trip count and each path
through the body grew its own side trace running to the return (json's encode_table had 96 side traces).

A label argument must be a value of its own (after the label it means the value of the current iteration), so the
stop gives each register that the loop may write (liveness.loop_writes) a value of its own (a `same_*` op, which
the optimiser neither folds into a constant nor merges with another value): the side trace then gets them as
distinct inputs. A side trace that starts at a loop start any other way (from a guard) loops only if its inputs
happen to be so.
"""

from __future__ import annotations

import collections

from jit.ir import OBJ
from ylua import opcodes as op
from ylua.jit_values import NIL, TV
from ylua.liveness import live_at, loop_writes

SAME = {"i": "same_int", "f": "same_float", "b": "same_bool", OBJ: "same_obj"}


def _bits(mask: int):
    r = 0
    while mask:
        if mask & 1:
            yield r
        mask >>= 1
        r += 1


def _same_constant(a, b) -> bool:
    """Whether constants a and b are the same Lua value (floats by their bits: -0.0 is not 0.0 here)."""
    if type(a) is not type(b):
        return False
    if a is b:
        return True
    if type(a) is float:
        return repr(a) == repr(b)
    return type(a) in (bytes, int, bool) and a == b


class FunctionLoops:
    loop_at = None  # the loop start this (side) trace started at and may close a loop over
    loop_entry_tvs = None  # register -> its TV at that start, for the registers the loop carries
    loop_entry_snapshot = None  # the state at that start

    def root_tvs(self, pc):
        """The root frame's values at `pc` as a snapshot lays them out (registers, varargs, closure) as TVs, with
        the dead registers nil."""
        root = self.vframes[0]
        live = live_at(root.func.proto, pc)
        out = [root.regs.get(r, NIL) if live >> r & 1 else NIL for r in range(root.func.proto.max_stack)]
        out.extend(root.varargs or ())
        if root.closure_v is not None:
            out.append(TV(root.closure_v, "func"))
        return out

    def carried_mask(self, pc) -> int:
        proto = self.vframes[0].func.proto
        return loop_writes(proto, pc) & live_at(proto, pc)

    def stop_at_loop(self, pc):
        """End the trace at the start of a loop of the root frame's function (see the module's doc)."""
        root, rec = self.vframes[0], self.rec
        for r in _bits(self.carried_mask(pc)):  # (all of them: the optimiser may yet find some constant)
            tv = root.regs.get(r, NIL)
            if tv.kind == "any" and type(self.runtime_value(r)) in (int, float):
                tv = self.typed_reg(r)  # the loop carries a machine number, not a box it would remake each time
            root.regs[r] = TV(rec.op(SAME[tv.v.type], tv.v), tv.kind)
        rec.at(rec.pos, self.snapshot(pc))
        rec.finish()
        self.driver.stop_function_recording(self.rt, self)

    def start_loop_here(self):
        """A side trace that starts at a loop start of its one frame: it loops when the registers the loop carries
        arrive as inputs of their own (see the module's doc)."""
        if len(self.vframes) != 1 or self.vframes[0].func.proto.code[self.pc][0] not in op.LOOP_STARTS:
            return
        root = self.vframes[0]
        ex = self.rec.parent  # (its side trace, once compiled, is where the tree's other traces find the loop)
        if ex.trace is not None:
            starts = self.driver.calls.loops.setdefault(ex.trace.root, {}).setdefault((root.func.proto, self.pc), [])
            if ex not in starts:
                starts.append(ex)
        mask = self.carried_mask(self.pc)
        counts = collections.Counter(id(tv.v) for tv in self.root_tvs(self.pc))
        tvs = {}
        for r in _bits(mask):
            tv = root.regs.get(r, NIL)
            if tv.v.is_const() or counts[id(tv.v)] > 1:
                return
            tvs[r] = tv
        self.loop_at, self.loop_entry_tvs = self.pc, tvs
        self.loop_entry_snapshot = self.rec.snapshot(self.virtual_frames(0, self.pc))  # (licm hoists guards there)

    def close_function_loop(self) -> bool:
        """Back at the loop start the trace started at: close the loop over the carried registers. False when one
        of them changed its machine type (the recording then goes on, unrolling)."""
        root = self.vframes[0]
        label_args, jump_args = [], []
        for r, ent in self.loop_entry_tvs.items():
            end = root.regs.get(r, NIL)
            if end.v is ent.v:
                new = ent.v
            elif ent.v.type == OBJ:
                new = self.obj(end)
            elif end.v.type == ent.v.type:
                new = end.v
            else:
                return False
            label_args.append(ent.v)
            jump_args.append(new)
        self.rec.loop_from_start(label_args, jump_args, self.loop_entry_snapshot)
        self.driver.stop_function_recording(self.rt, self)
        return True

    def starts_here(self, ex, pc) -> bool:
        """Whether exit `ex` resumes at `pc` of the root frame's function, in that frame only."""
        frames = ex.snapshot.frames
        return len(frames) == 1 and frames[0].pc == pc and frames[0].desc.func.proto is self.vframes[0].func.proto

    def traces_starting_at(self, pc):
        """The traces of this trace's tree that start at loop start `pc` of the root frame's function (they all run
        the same call): the ones that loop first, and of those its ancestors first. One that does not loop (it
        stopped at an inner loop, say) is still the way on from there: an outer loop of nested loops runs through
        its trace, the inner loop's and the latter's exit, back into its trace."""
        out = []
        ex = self.rec.parent
        while ex is not None and ex.trace is not None and ex.trace.parent is not None:
            if self.starts_here(ex.trace.parent, pc):
                out.append(ex.trace)
            ex = ex.trace.parent
        root = self.rec.parent.trace.root if self.rec.parent.trace is not None else None
        starts = self.driver.calls.loops.get(root, {}) if root is not None else {}
        for e in starts.get((self.vframes[0].func.proto, pc), ()):
            if e.side_trace is not None and e.side_trace not in out:
                out.append(e.side_trace)
        return sorted(out, key=lambda trace: trace.ir.label_index() is None)  # (a stable sort)

    def join_loop(self, pc) -> bool:
        """Back at the start of a loop that a trace of this tree runs: jump into that trace with this trace's values
        for its inputs. False when no such trace takes them (a constant that differs, a machine type that does)."""
        return any(self.jump_into_loop(target, pc) for target in self.traces_starting_at(pc))

    def jump_into_loop(self, target, pc) -> bool:
        start = target.parent
        theirs = start.snapshot.frames[0].values
        mine = self.root_tvs(pc)
        if len(mine) != len(theirs) or start.snapshot.writes:
            return False
        slot = {id(v): k for k, v in enumerate(start.live)}
        args = [None] * len(start.live)
        nregs = self.vframes[0].func.proto.max_stack
        for r, (want, tv) in enumerate(zip(theirs, mine)):
            if r < nregs and tv.kind == "any" and want.type != OBJ and not want.is_const():
                tv = self.typed_reg(r)  # a number the loop carries unboxed, still a box here
            if want.is_const():
                if not (tv.v.is_const() and tv.v.type == want.type and _same_constant(tv.v.value, want.value)):
                    return False
                continue
            if tv.v.type == want.type:
                v = tv.v
            elif want.type == OBJ:
                v = self.obj(tv)
            else:
                return False
            k = slot[id(want)]
            if args[k] is not None and args[k] is not v:
                return False
            args[k] = v
        if any(a is None for a in args):
            return False
        self.rec.jump_to(target, args)
        self.driver.stop_function_recording(self.rt, self)
        return True
