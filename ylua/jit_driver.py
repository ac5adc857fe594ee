"""The Lua side of the meta-tracing JIT: where the dispatch loop meets jit/'s MT (cf. yklua's control point).

The dispatch loop calls `control_point(rt, frame, pc)` at every loop start (FORLOOP, TFORLOOP, LOOPHEAD). This
module owns the Location of each loop start, the per-coroutine thread states, and the `LuaLanguage` that rebuilds
interpreter frames when a trace exits. What a recording records per instruction lives in jit_record*.py.

control_point returns None (the loop instruction runs in the interpreter) or `(frame, extra_depth, exc, top)`: a
trace ran and left at `frame` (the innermost rebuilt frame, `extra_depth` inlined frames above the entry frame, `top`
the loop's top-of-values register where it matters); when `exc` is not None the trace left because an operation
raised it there, and the loop raises it at that frame.
"""

from __future__ import annotations

from jit.config import Config
from jit.language import Language
from jit.location import COMPILED, COUNTING
from jit.mt import EXECUTED, MT, START_TRACING
from ylua.jit_calls import FunctionCalls
from ylua.frame import Frame
from ylua.jit_values import rebuild_frames, resume_top
from ylua.opcodes import LOOP_STARTS
from ylua.vm import caller_in_activation


class LuaLanguage(Language):
    side_traces = True

    def __init__(self):
        self.driver = None
        self.rt = None

    def resume_call(self, ts, frames, exc):
        return self.driver.calls.resume_call(ts, frames, exc)

    def current_thread_state(self):
        rt = self.rt
        return self.driver.thread_state(rt) if rt is not None else None

    def resume(self, ts, frame, frames, exc):
        """The frames an exit rebuilds sit on the trace's own frame, the snapshot's first value: the frame the trace
        was entered with, or one of its callers when a trace returned to it (jit_record.return_to_caller). The
        depth returned counts the frames the VM's activation gained (negative when it lost some)."""
        root = frames[0].values[0]
        popped = 0
        if root is not frame and type(root) is Frame:
            popped = frame_distance(frame, root)
        else:
            root = frame
        root.pc = frames[0].pc
        built = rebuild_frames(self.rt, root, frames[1:])
        innermost = built[-1] if built else root
        return innermost, len(built) - popped, exc, resume_top(frames[-1].desc, innermost.regs, exc)


def frame_distance(frame, other) -> int:
    """How many frames fewer the activation has with `other` innermost than with `frame` innermost: they share
    the frames from their closest common caller down (a trace may have returned from `frame` and called others)."""
    above = {}
    f, n = frame, 0
    while f is not None:
        above[id(f)] = n
        f, n = f.parent, n + 1
    f, n = other, 0
    while id(f) not in above:
        f, n = f.parent, n + 1
    return above[id(f)] - n


MAX_DETOURS = 3


class JitDriver:
    def __init__(self, config: Config | None = None):
        self.lang = LuaLanguage()
        self.lang.driver = self
        self.mt = MT(self.lang, config)
        self.config = self.mt.config
        self.main_ts = self.mt.thread_state()
        self.recording = None  # the LuaRecording under way
        self.helpers = None  # the Python functions traces call (jit_helpers.TraceHelpers), bound to the interpreter
        self.calls = FunctionCalls(self)  # function traces: calls that run natively or start a recording
        self.detours: dict = {}  # (loop location, why) -> recordings abandoned for another iteration

    def attach(self, rt):
        """Serve interpreter `rt` (its constructor calls this once)."""
        from ylua.jit_helpers import TraceHelpers

        self.lang.rt = rt
        self.helpers = TraceHelpers(rt)

    # ---- the dispatch loop's entry points

    def location(self, proto, pc):
        locs = proto.jit_data
        if locs is None:
            locs = proto.jit_data = {}
        loc = locs.get(pc)
        if loc is None:
            loc = locs[pc] = self.mt.location(f"{proto.source}:{proto.lines[pc]}")
        return loc

    def detour(self, loc) -> bool:
        """A root recording at `loc` is about to end in another trace instead of looping: whether to abandon it and
        record another iteration (up to MAX_DETOURS times per location)."""
        return self.another_iteration(loc, "detour")

    def another_iteration(self, loc, why: str) -> bool:
        """Whether a root recording at `loc` that met an untypical iteration (`why`: a detour, or an index 0, see
        jit_record_tables.not_at_index_zero) gives it up to record another one: up to MAX_DETOURS times per
        location and reason."""
        key = (loc, why)
        n = self.detours.get(key, 0)
        if n >= MAX_DETOURS:
            return False
        self.detours[key] = n + 1
        return True

    def thread_state(self, rt):
        co = rt.current_coroutine
        if co is None:
            return self.main_ts
        ts = co.jit_state
        if ts is None:
            ts = co.jit_state = self.mt.thread_state()
        return ts

    def control_point(self, rt, frame, pc):
        proto = frame.func.proto
        locs = proto.jit_data
        loc = locs.get(pc) if locs is not None else None
        if loc is None:
            loc = self.location(proto, pc)
        loc.ticks -= 1
        if loc.ticks >= 0:
            return None
        waiting = self.recording
        if waiting is not None and waiting.yielded and loc.state == COUNTING:
            self.abort_recording(rt, waiting, "its coroutine stayed suspended while another loop got hot")
        ts = self.thread_state(rt)
        ts.resume_value = None
        try:
            action = self.mt.control_point(loc, ts, frame)
        except BaseException as exc:
            resumed = ts.resume_value
            if resumed is None:  # raised before any frame was rebuilt: it belongs to the loop instruction
                raise
            ts.resume_value = None
            return resumed[0], resumed[1], exc, resumed[3]
        if action == EXECUTED:
            resumed = ts.resume_value
            ts.resume_value = None
            if ts.side_recording is not None:
                self.start_side_recording(rt, ts, resumed)
            return resumed
        if action == START_TRACING:
            from ylua.jit_record import LuaRecording  # loaded with the first recording

            rec = LuaRecording(self, rt, ts, ts.recording, frame, pc)
            self.begin_recording(rt, rec)
            rec.record(rt, frame, pc)  # the loop instruction itself is the trace's first
        return None

    def start_side_recording(self, rt, ts, resumed):
        """The MT started a side trace at the guard that just failed: record from the frames it rebuilt."""
        rec, ts.side_recording = ts.side_recording, None
        if self.refuse_side_recording(ts, rec):
            return
        innermost, _extra, _exc, top = resumed
        frames = [innermost]  # one per frame of the guard's snapshot, the trace's own frame first
        for _ in range(len(rec.parent.snapshot.frames) - 1):
            frames.append(caller_in_activation(frames[-1]))
        frames.reverse()
        from ylua.jit_record import LuaRecording

        recording = LuaRecording.for_side_trace(self, rt, ts, rec, frames, top)
        self.begin_recording(rt, recording)
        pc = innermost.pc
        if innermost.func.proto.code[pc][0] in LOOP_STARTS:  # the VM runs it without showing it to the recorder
            recording.record(rt, innermost, pc)

    def start_function_side_recording(self, rt, ts, frames, top):
        """The MT started a side trace at a function trace's guard: record the rebuilt `frames` until the traced
        function returns. Returns the recording."""
        rec, ts.side_recording = ts.side_recording, None
        if self.refuse_side_recording(ts, rec):
            return None
        from ylua.jit_record_func import FunctionRecording

        recording = FunctionRecording.for_side_trace(self, rt, ts, rec, frames, top)
        self.begin_recording(rt, recording)
        return recording

    def stop_function_recording(self, rt, rec):
        """A function recording reached its function's return (its trace ends with `ret`)."""
        self._detach(rt)
        if rec.side:
            self.mt.stop_side_tracing(rec.ts, rec.rec, None)
        else:
            self.mt.stop_tracing(rec.ts)

    def refuse_side_recording(self, ts, rec) -> bool:
        """Side traces do not start where a deopt spread a call's results (the snapshot holds them unspread)."""
        if rec.parent.snapshot.frames[-1].desc.spread is None:
            return False
        self.mt.abort_tracing(ts, "starts after a call that returned several values")
        return True

    def compiled_trace_at(self, frame, pc):
        loc = self.location(frame.func.proto, pc)
        return loc.trace if loc.state == COMPILED else None

    def checked_activation(self, rt, frame, execute):
        """Run an activation and check that it leaves its thread-state stack as it found it (YKD_CHECK_STACK=1)."""
        ts = self.thread_state(rt)
        depth = ts.enter()
        try:
            return execute(rt, frame)
        finally:
            ts.leave(depth)

    # ---- recording lifecycle (called by LuaRecording)

    def begin_recording(self, rt, recording):
        """Make `recording` the one under way: the dispatch loop shows it the instructions of the running thread,
        and while it lasts, coroutine switches tell it whether that thread runs (coroutine_switched; a switch
        costs that call only while there is a recording)."""
        recording.thread = rt.current_coroutine or rt.main_thread
        self.recording = recording
        rt.recorder = recording
        if self.coroutine_switched not in rt.coroutine_switch_hooks:
            rt.coroutine_switch_hooks.append(self.coroutine_switched)

    def _detach(self, rt):
        """The recording ends: the dispatch loop stops showing instructions to it."""
        self.recording = None
        rt.recorder = None
        if self.coroutine_switched in rt.coroutine_switch_hooks:
            rt.coroutine_switch_hooks.remove(self.coroutine_switched)

    def stop_recording(self, rt, rec, frame):
        self._detach(rt)
        self.mt.tracing_control_point(rec.rec.loc, rec.ts, frame)

    def stop_recording_elsewhere(self, rt, rec):
        """A root recording ended with a jump into another trace rather than closing its loop."""
        self._detach(rt)
        self.mt.stop_tracing(rec.ts)

    def stop_side_recording(self, rt, rec, target):
        self._detach(rt)
        self.mt.stop_side_tracing(rec.ts, rec.rec, target)

    def abort_recording(self, rt, rec, reason: str, transient: bool = False, waiting_on=None, final: bool = False):
        if self.recording is not rec:
            return
        self._detach(rt)
        self.mt.abort_tracing(rec.ts, reason, transient, waiting_on, final)

    def coroutine_switched(self, co_from, co_to, returning):
        """Keep track of resumes (a switch to a coroutine) and returns (a switch back to its resumer). A recording
        treats a coroutine it resumes like any called built-in: the coroutine runs unrecorded, and recording goes
        on when control comes back. When the recorded coroutine itself yields, the recording waits, detached, and
        goes on when it is resumed (the trace calls coroutine.yield like any built-in); if another loop gets hot
        meanwhile, the waiting recording gives way (see control_point)."""
        rec = self.recording
        if rec is None:
            return
        rt = self.lang.rt
        if co_from is rec.thread:
            rt.recorder = None
            rec.yielded = returning
        elif co_to is rec.thread:
            rt.recorder = rec
            rec.yielded = False


def make_driver(env=None) -> JitDriver | None:
    """The JIT driver configured from the environment, or None with YK_JITC=none. Raises jit.config.ConfigError."""
    config = Config.from_env(env)
    if not config.enabled:
        return None
    return JitDriver(config)
