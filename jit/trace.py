"""Compiled traces and their exits.

A Trace owns its IR, its exits and its native code (through the backend's handle: dropping the Trace frees the
code). Every op with a snapshot becomes a TraceExit; the exit's index is the guard index (`gidx`) of log events. An
exit knows its own trace (by id and weak reference), so a failing guard identifies its trace by what it carries.

Exit layout (shared by every backend): leaving through exit E yields the tuple
    (E, *boxed live values of E's snapshot, [exception])
where the live values are `E.live` (Snapshot.live_values()), boxed to Python objects, and the exception is present
for "raise" exits only.
"""

from __future__ import annotations

import weakref

# exit kinds
GUARD, RAISE, FINISH = "guard", "raise", "finish"
# per-exit side-trace states (cf. yk's compile/guard.rs)
SIDE_COUNTING, SIDE_TRACING, SIDE_COMPILED, SIDE_DONT = "counting", "side-tracing", "compiled", "dont-trace"


class _SelfCall:
    """The target of a `call_trace` op that calls the trace being recorded (it has no Trace object yet)."""

    def __repr__(self):
        return "SELF_CALL"


SELF_CALL = _SelfCall()


class TraceExit:
    __slots__ = ("trid", "_trace", "index", "kind", "patchable", "snapshot", "live", "pos", "fail_count", "side_state",
                 "side_trace", "side_failures", "side_waits", "plan", "deopts", "places", "__weakref__")

    def __init__(self, trace, index: int, op):
        self.trid = trace.trid
        self._trace = weakref.ref(trace)
        self.index = index
        self.kind = GUARD if op.opdef.is_guard else (RAISE if op.opdef.can_raise else FINISH)
        # whether a side trace can take over from it: a guard's, or a function trace's finish (the call goes on
        # natively from where the trace stopped, at a loop of the function, say)
        self.patchable = self.kind == GUARD or (self.kind == FINISH and trace.returns)
        self.snapshot = op.snapshot
        self.live = op.snapshot.live_values()
        self.pos = op.pos
        self.fail_count = 0
        self.side_state = SIDE_COUNTING
        self.side_trace = None
        self.side_failures = 0
        self.side_waits = 0  # transient side-trace aborts (e.g. waiting for a loop's trace); bounded by MAX_SIDE_WAITS
        self.plan = None  # how jit.resume.decode reads this exit's tuple (made on the first deopt)
        self.deopts = 0  # times the interpreter resumed here (counted for YKD_LOG_STATS)
        self.places = None  # where the backend's code leaves the live values for a side trace (None: in order)

    @property
    def trace(self):
        return self._trace()

    def __repr__(self):
        return f"<TraceExit {self.trid}#{self.index} {self.kind}>"


class Trace:
    """`loc` is the root Location (None for a side trace, whose `parent` is the TraceExit it hangs off).

    Traces of kind "function" (and their side traces) are called like the function they trace: entry(*args) returns
    the function's result. Their exits never leave to the caller: each one hands its exit tuple to `exit_handler`
    (set by the MT), which finishes the call in the interpreter and returns the result (or raises)."""

    __slots__ = ("trid", "kind", "ir", "label", "loc", "parent", "root", "exits", "entry", "code", "side_count",
                 "exit_handler", "loop_entry", "__weakref__")

    def __init__(self, ir, loc=None, parent=None):
        self.trid = ir.trid
        self.kind = ir.kind
        self.ir = ir
        self.label = ir.loc
        self.loc = loc
        self.parent = parent
        self.root = self if parent is None else parent.trace.root
        self.exits = [TraceExit(self, k, op) for k, op in enumerate(ir.snapshot_ops())]
        self.entry = None  # callable(*inputs) -> exit tuple, installed by the backend
        self.code = None  # the backend's handle on the native code
        self.side_count = 0
        self.exit_handler = None
        self.loop_entry = None  # the values a jump_loop passes, once the backend compiled a way into the loop

    @property
    def returns(self) -> bool:
        """Whether this trace belongs to a function trace (returns a result instead of an exit tuple)."""
        return self.root.kind == "function"

    def __repr__(self):
        return f"<Trace {self.trid} {self.kind} {self.label}>"
