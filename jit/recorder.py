"""The recorder: the interface through which the language describes each operation it executes while tracing.

The MT creates a Recorder when tracing starts (root traces: one object input, the frame passed to the control point;
side traces: the parent exit's live values) and the language drives it:

    rec.at(pos, snapshot)        source position ("file.lua:12") and resume state for the ops that follow
    v = rec.op("int_add", a, b)  emit an op (see jit/ir/opdefs.py); returns its SSA value
    rec.const(3), rec.const_obj(x)
    rec.snapshot([(desc, pc, values), ...], writes=())
    rec.aot("12  ADD 1 2 3")     one line of the `aot` IR dump (only when rec.wants_aot)

`rec.user` is free for the language's own recording state. Too long a trace raises TraceAbort from op(); the language
catches TraceAbort (or decides to abort itself) and calls MT.abort_tracing(ts, reason).
"""

from __future__ import annotations

import time

from jit.ir import OPDEFS, Const, Input, Op, SnapFrame, Snapshot, TraceIR, const_obj, const_of


class TraceAbort(Exception):
    """Recording cannot go on; str() is the readable reason. A `transient` abort is one that will not happen again
    (e.g. a side trace ran into a loop whose trace is being compiled right now): it does not count towards
    blacklisting a side trace's guard, and while the Location it `waits_on` is being compiled it does not even count
towards the bound on such waits (that compilation will end; a long one, in a loop entered often, had used up the
bound within 20 ms and left fannkuch's copy loop deoptimising on every exit for the rest of the run). A `final`
abort is one that a retry would run into again (a trace too long): its location, or guard, is given up at once."""

    def __init__(self, reason: str, transient: bool = False, waiting_on=None, final: bool = False):
        super().__init__(reason)
        self.transient = transient
        self.waiting_on = waiting_on  # the Location whose compilation the recording waits for, if that is the reason
        self.final = final


class Recorder:
    def __init__(self, trid: int, kind: str, label: str, input_types, max_len: int, wants_aot: bool = False):
        self.trid = trid
        self.kind = kind
        self.loc_label = label
        self.inputs = [Input(t, k) for k, t in enumerate(input_types)]
        self.ops: list[Op] = []
        self.max_len = max_len
        self.pos = None
        self.cur_snapshot = None
        self.wants_aot = wants_aot
        self.aot_lines: list[str] = []
        self.user = None
        self.loc = None  # root traces: the Location being traced
        self.frame = None  # root traces: the frame object whose return to the location closes the loop
        self.parent = None  # side traces: the parent TraceExit
        self._parent_inputs = None
        self.started = time.perf_counter()
        self.label_op = None
        self.jump_args = None
        self.entry = None  # see TraceIR.entry

    # ---- building

    def from_parent(self, v):
        """Side traces: what the parent exit's value `v` is in this trace (its input, or the same constant)."""
        if v.is_const():
            return v
        if self._parent_inputs is None:
            self._parent_inputs = {id(x): self.inputs[k] for k, x in enumerate(self.parent.live)}
        return self._parent_inputs[id(v)]

    def at(self, pos, snapshot=None):
        self.pos = pos
        self.cur_snapshot = snapshot

    def snapshot(self, frames, writes=()) -> Snapshot:
        return Snapshot([SnapFrame(d, pc, vals) for d, pc, vals in frames], writes)

    @staticmethod
    def const(v) -> Const:
        return const_of(v)

    @staticmethod
    def const_obj(v) -> Const:
        return const_obj(v)

    def op(self, name: str, *args) -> Op:
        op = self._make(name, args)
        self.ops.append(op)
        return op

    def preamble_op(self, name: str, *args) -> Op:
        """Emit an op before the label: it runs once, when the trace is entered (loop-invariant loads and the
        guards on the values a loop starts with). Its snapshot must describe the state at the trace's entry."""
        op = self._make(name, args)
        self.ops.insert(self.ops.index(self.label_op), op)
        return op

    def _make(self, name: str, args) -> Op:
        opdef = OPDEFS[name]
        sig = opdef.fixed_args
        if len(args) != len(sig) and not (opdef.variadic and len(args) >= len(sig)):
            raise TypeError(f"{name}: {len(args)} arguments for signature {opdef.args!r}")
        for k, (a, want) in enumerate(zip(args, sig)):
            if a.type != want.lower():
                raise TypeError(f"{name}: argument {k} has type {a.type}, wants {want.lower()}")
        snap = None
        if opdef.needs_snapshot:
            snap = self.cur_snapshot
            if snap is None:
                raise TypeError(f"{name} needs a snapshot: call rec.at(pos, snapshot) first")
        if len(self.ops) >= self.max_len:
            # (each retry would record as much again: deltablue spent 0.37 s of its 4.9 s on ten such recordings)
            raise TraceAbort(f"trace too long (more than {self.max_len} ops)", final=True)
        return Op(opdef, args, self.pos, snap)

    def aot(self, line: str):
        if self.wants_aot:
            self.aot_lines.append(line)

    # ---- structure

    def label(self, args=None):
        """The loop header (root traces emit it first, over their inputs)."""
        self.label_op = self.op("label", *(self.inputs if args is None else args))
        return self.label_op

    def set_loop(self, label_args, jump_args):
        """Choose the loop-carried values: the label's arguments (defined before it; after the label they denote the
        values of the current iteration) and what the closing jump passes for each. close_loop() then uses them."""
        self.label_op.args = list(label_args)
        self.jump_args = list(jump_args)

    def loop_from_start(self, label_args, jump_args, entry):
        """Make the trace recorded so far a loop: a label goes first, over `label_args` (inputs: a side trace that
        starts at a loop start and carries them through it), and the trace ends with a jump back to it. `entry` is
        the snapshot of the trace's start (TraceIR.entry)."""
        self.entry = entry
        self.label_op = self._make("label", list(label_args))
        self.ops.insert(0, self.label_op)
        self.jump_args = list(jump_args)
        self.close_loop()

    def close_loop(self, args=None):
        """End the trace with a jump back to the label (by default with the arguments chosen by set_loop(), or
        else the label's own arguments)."""
        if self.closed:  # the language already ended the trace (e.g. jump_to another trace)
            return
        if args is None:
            args = self.jump_args if self.jump_args is not None else self.label_op.args
        self.op("jump", *args)

    def finish(self):
        """End the trace by leaving it normally at the current snapshot."""
        self.op("finish")

    def jump_to(self, trace, args):
        """End the trace with a tail-jump into another compiled trace (side traces)."""
        self.op("jump_trace", const_obj(trace), *args)

    @property
    def closed(self) -> bool:
        return bool(self.ops) and self.ops[-1].opdef.is_terminator

    def build(self) -> TraceIR:
        return TraceIR(self.trid, self.inputs, self.ops, self.kind, self.loc_label, self.entry)
