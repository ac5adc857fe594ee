"""The per-thread (per-coroutine) stack of meta-tracing states.

The bottom entry is always INTERPRETING. Recording pushes a Tracing entry and pops it when the recording stops or
aborts; entering compiled code pushes Executing(trace) and the deopt or return of *that* entry pops it again (checked
by trace id). Nested interpreter activations started from inside a trace (metamethods, callbacks) push and pop their
own entries above the outer one, so a guard failure never has to guess which trace is running: it carries its own
trace, and the entry it pops is the one its activation pushed.

The language creates one ThreadState per interpreter thread/coroutine (MT.thread_state()), and may keep its own data
in `lang`. In check mode every activation of the dispatch loop brackets itself with enter()/leave() so that a stack
left unbalanced by an activation is caught where it happens.
"""

from __future__ import annotations


class JitStateError(Exception):
    """The thread-state stack was used inconsistently (a bug in the runtime or in the language's hooks)."""


class _Interpreting:
    __slots__ = ()
    kind = "interpreting"

    def __repr__(self):
        return "Interpreting"


INTERPRETING = _Interpreting()


class Tracing:
    __slots__ = ("recording",)
    kind = "tracing"

    def __init__(self, recording):
        self.recording = recording

    def __repr__(self):
        return f"Tracing({self.recording.trid})"


class Executing:
    __slots__ = ("trace",)
    kind = "executing"

    def __init__(self, trace):
        self.trace = trace

    def __repr__(self):
        return f"Executing({self.trace.trid})"


class ThreadState:
    __slots__ = ("stack", "check", "lang", "resume_value", "side_recording", "tracing_depth")

    def __init__(self, check: bool = False):
        self.stack: list = [INTERPRETING]
        self.check = check
        self.lang = None
        self.resume_value = None
        self.side_recording = None  # a side trace recording that the MT started at the last deopt
        self.tracing_depth = 0

    # ---- inspection

    @property
    def top(self):
        return self.stack[-1]

    @property
    def depth(self) -> int:
        return len(self.stack)

    @property
    def recording(self):
        """The recording of the innermost Tracing entry, or None."""
        for entry in reversed(self.stack):
            if entry.kind == "tracing":
                return entry.recording
        return None

    def executing_ids(self) -> list[int]:
        """Trace ids of the Executing entries, bottom to top (the `stack` field of log events)."""
        return [e.trace.trid for e in self.stack if e.kind == "executing"]

    # ---- push / pop

    def push_tracing(self, recording):
        self.stack.append(Tracing(recording))
        self.tracing_depth += 1

    def pop_tracing(self, recording):
        """Remove the recording's own entry: the top one, unless the recording aborts from inside compiled code or a
        nested activation it called (e.g. its coroutine yields there), whose entries then stay above it."""
        stack = self.stack
        for k in range(len(stack) - 1, 0, -1):
            entry = stack[k]
            if entry.kind == "tracing" and entry.recording is recording:
                del stack[k]
                self.tracing_depth -= 1
                return
        raise JitStateError(f"pop_tracing({recording.trid}) but it has no entry; stack {stack}")

    def push_executing(self, trace):
        self.stack.append(Executing(trace))

    def pop_executing(self, trace):
        top = self.stack[-1]
        if top.kind != "executing" or top.trace.trid != trace.trid:
            raise JitStateError(f"pop_executing({trace.trid}) but the top is {top!r}; stack {self.stack}")
        self.stack.pop()

    # ---- activation bracketing (check mode)

    def enter(self) -> list:
        """Called by the language when a dispatch-loop activation starts; returns what to pass to leave()."""
        return list(self.stack) if self.check else None

    def leave(self, found: list):
        """Called when the activation ends (normally or by an exception): the stack must be as it found it, except
        for the Tracing entries of outer recordings that aborted meanwhile."""
        if not self.check:
            return
        stack = self.stack
        kept = [e for e in found if e.kind != "tracing" or any(x is e for x in stack)]
        if len(kept) != len(stack) or any(a is not b for a, b in zip(kept, stack)):
            raise JitStateError(f"activation left the thread-state stack as {stack}, entered as {found}")
