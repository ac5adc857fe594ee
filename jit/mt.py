"""The meta-tracer: decides at each hot loop start what the language's dispatch loop does next.

control_point() computes a transition and carries out what only the runtime can do (start a recording, run a compiled
trace and deoptimise out of it); the dispatch loop then acts on the returned action:

    NONE           keep interpreting
    START_TRACING  a recording started at this instruction: record what this activation executes (ts.recording)
    STOP_TRACING   (from tracing_control_point) the loop closed; the trace was compiled or failed: stop recording
    EXECUTED       a compiled trace ran and left; Language.resume rebuilt the frames: reload them and go on

Function traces (recorded from a function's entry to its return) are started by function_control_point() and run
by call_function(); their exits come back through _function_exit (see trace.py and native_calls.py).

See language.py for the exact driver contract, location.py for the cheap counting that keeps the control point off
the interpreter's hot path, and thread_state.py for the per-thread stack of Interpreting/Tracing/Executing entries.
"""

from __future__ import annotations

import atexit
import itertools
import time
import weakref

from jit import resume
from jit.backend import CompileError, make_backend
from jit.config import Config
from jit.ir.names import ConstNames
from jit.ir.values import OBJ
from jit.location import COMPILED, COMPILING, COUNTING, PARKED, TRACING, Location
from jit.log import JitLog
from jit.native_calls import native_depth, set_native_depth, set_native_site
from jit.recorder import Recorder
from jit.stats import Stats
from jit.thread_state import ThreadState
from jit.trace import FINISH, SIDE_COMPILED, SIDE_COUNTING, SIDE_DONT, SIDE_TRACING

NONE, START_TRACING, STOP_TRACING, EXECUTED = 0, 1, 2, 3
# Transient aborts a guard's side trace may have (waiting for a loop on its path to get a trace) before they count as
# failures: a loop that keeps failing to trace becomes DontTrace within max_failures aborts, so this only bounds
# the pathological cases.
MAX_SIDE_WAITS = 200
# The same bound for a location's transient aborts (waiting for an inner loop's or a called function's trace to be
# compiled, looking for an iteration that loops): generous, since a big function trace can take a second to compile.
MAX_LOCATION_WAITS = 200
# A recording that waits for another location's trace retries after this many times its usual count, unless that
# trace settles first (MT._park).
WAIT_FACTOR = 8


class MT:
    def __init__(self, language, config: Config | None = None):
        self.config = config = config if config is not None else Config.from_env()
        self.lang = language
        self.log = JitLog(config)
        self.stats = Stats(config.stats_path)
        self.enabled = config.enabled
        self._backend = None  # made when the first trace compiles: startup does not pay for loading LLVM
        self.recording: Recorder | None = None  # at most one recording at a time, process-wide
        self.names = ConstNames()
        self._trids = itertools.count(1)
        self._closed = False
        self.worker = None  # background compilation (made on first use)
        self.function_exit_handler = self._function_exit  # one object: compiled code holds its address
        if self.stats.enabled:
            atexit.register(self.shutdown)

    @property
    def backend(self):
        if self._backend is None and self.enabled:
            self._backend = make_backend(self.config.jitc, self.config)
        return self._backend

    # ---- what the language creates

    def location(self, label: str) -> Location:
        loc = Location(label, self.config.hot_threshold)
        if not self.enabled:
            loc.ticks = PARKED
        elif self.stats.enabled:
            self.stats.locations.append(loc)
        return loc

    def thread_state(self) -> ThreadState:
        return ThreadState(check=self.config.check_stack)

    def name_constant(self, obj, name: str):
        """Print `obj` as $name in IR dumps."""
        self.names.by_name[name] = obj
        self.names.by_id[id(obj)] = name

    # ---- the control point

    def control_point(self, loc: Location, ts: ThreadState, frame) -> int:
        if self.worker is not None and self.worker.done:
            self.install_finished(ts)
        state = loc.state
        if state is COMPILED:
            return self._execute(loc.trace, ts, frame)
        if state is COUNTING:
            if self.recording is None and ts.tracing_depth == 0:
                self._start_tracing(loc, ts, frame)
                return START_TRACING
            loc.retry_later()
        return NONE

    def tracing_control_point(self, loc: Location, ts: ThreadState, frame) -> int:
        rec = self.recording
        if rec is not None and loc is rec.loc and frame is rec.frame:
            self._stop_tracing(ts, rec)
            return STOP_TRACING
        return NONE

    def function_control_point(self, loc: Location, ts: ThreadState, nargs: int) -> int:
        """A call of a function whose entry is `loc` is hot (its ticks went below 0): start recording a function
        trace with `nargs` object inputs (START_TRACING), or not now (NONE). The language executes a compiled
        function trace itself, through call_function()."""
        if self.worker is not None and self.worker.done:
            self.install_finished(ts)
        if loc.state is COUNTING:
            if self.recording is None and ts.tracing_depth == 0:
                trid = next(self._trids)
                rec = Recorder(trid, "function", loc.label, (OBJ,) * nargs, self.config.max_trace_len,
                               self.log.wants_ir("aot"))
                rec.loc = loc
                loc.start_tracing()
                ts.push_tracing(rec)
                self.recording = rec
                self.log.event("start-tracing", trid=trid, loc=loc.label, stack=ts.executing_ids())
                return START_TRACING
            loc.retry_later()
        return NONE

    # ---- recording

    def _start_tracing(self, loc, ts, frame):
        trid = next(self._trids)
        rec = Recorder(trid, "root", loc.label, (OBJ,), self.config.max_trace_len, self.log.wants_ir("aot"))
        rec.loc, rec.frame = loc, frame
        rec.label()
        loc.start_tracing()
        ts.push_tracing(rec)
        self.recording = rec
        self.log.event("start-tracing", trid=trid, loc=loc.label, stack=ts.executing_ids())

    def _end_recording(self, ts, rec, ok: bool):
        ts.pop_tracing(rec)
        self.recording = None
        self.stats.add_time("tracing", time.perf_counter() - rec.started)
        self.stats.count("traces_recorded_ok" if ok else "traces_recorded_err")

    def stop_tracing(self, ts):
        """The language ended the current root recording itself (e.g. with a jump into another trace)."""
        self._stop_tracing(ts, self.recording)

    def _stop_tracing(self, ts, rec):
        rec.close_loop()
        self._end_recording(ts, rec, True)
        self.log.event("stop-tracing", trid=rec.trid, loc=rec.loc_label, stack=ts.executing_ids())
        loc = rec.loc
        loc.start_compiling()

        def ready(trace, stack):
            loc.compiled(trace)
            self._wake_waiters(loc)
            self.log.event("trace-compiled", trid=rec.trid, loc=rec.loc_label, stack=stack)

        def failed(reason, stack):
            self.log.event("trace-compilation-failed", trid=rec.trid, loc=rec.loc_label, reason=reason, stack=stack)
            loc.failed(self.config.hot_threshold, self.config.max_failures)
            self._wake_waiters(loc)

        self._compile(ts, rec, ready, failed, loc=loc)

    def _compile(self, ts, rec, ready, failed, loc=None, parent=None):
        """Compile `rec`'s trace now (YKD_SERIALISE_COMPILATION=1) or on a worker; ready(trace, stack) or
        failed(reason, stack) runs on the main thread when it is done."""
        from jit.compile import build_job, install_trace, prepare_trace  # loaded with the first trace
        from jit.worker import Pending

        t0 = time.perf_counter()
        try:
            trace, job = prepare_trace(self, rec, loc=loc, parent=parent)
            if job is not None and not self.config.serialise_compilation:
                self._worker().submit(Pending(trace, job, ready, failed))
                return
            if job is not None:
                build_job(job)
            install_trace(self, trace, job)
        except CompileError as e:
            self.stats.count("traces_compiled_err")
            failed(str(e), ts.executing_ids())
            return
        finally:
            self.stats.add_time("compiling", time.perf_counter() - t0)
        self._compiled_ok(trace)
        ready(trace, ts.executing_ids())

    def _compiled_ok(self, trace):
        self.stats.count("traces_compiled_ok")
        if self.stats.enabled:
            self.stats.traces.append(trace)

    def _worker(self):
        if self.worker is None:
            from jit.worker import CompileWorker

            self.worker = CompileWorker(self.config.jobs)
        return self.worker

    def install_finished(self, ts):
        """Install the code that background workers finished (called at control points, main thread)."""
        from jit.compile import install_trace

        for p in self.worker.finished():
            self.stats.add_time("compiling", p.seconds)
            if p.tier_up:
                self._install_tier_up(p)
                continue
            if p.error is None:
                try:
                    install_trace(self, p.trace, p.job)
                except CompileError as e:
                    p.error = str(e)
            if p.error is not None:
                self.stats.count("traces_compiled_err")
                p.on_failure(p.error, ts.executing_ids())
            else:
                self._compiled_ok(p.trace)
                p.on_ready(p.trace, ts.executing_ids())
                self._queue_tier_up(p.trace)

    def _queue_tier_up(self, trace):
        """Have the worker recompile `trace` at a higher level once it has nothing more urgent to do."""
        from jit.worker import Pending

        tier_up = getattr(self.backend, "tier_up", None)
        job = tier_up(trace) if tier_up is not None else None
        if job is not None:
            self.worker.submit(Pending(trace, job, None, None, tier_up=True))

    def _install_tier_up(self, p):
        from jit.compile import install_trace

        if p.error is None:
            try:
                install_trace(self, p.trace, p.job)
                return
            except CompileError as e:
                p.error = str(e)
        self.log.warning(f"recompiling trace {p.trace.trid} failed: {p.error}")

    def abort_tracing(self, ts: ThreadState, reason: str, transient: bool = False, waiting_on=None,
                      final: bool = False):
        """Give up the current recording (the language calls this; see language.py). A transient abort leaves its
        location, or its side trace's guard, counting again, with no failure held against it; it counts towards
        the bound on such waits unless it waits for `waiting_on`, a Location being compiled right now. A final
        one gives the location, or guard, up at once (see TraceAbort)."""
        rec = self.recording
        if rec is None:
            return
        self._end_recording(ts, rec, False)
        self.log.event("tracing-aborted", trid=rec.trid, loc=rec.loc_label, reason=reason, stack=ts.executing_ids())
        if self.stats.enabled:
            self.stats.abort(rec.loc_label, reason, rec.pos)
        counts = int(waiting_on is None or waiting_on.state != COMPILING)  # 0: the wait ends with that compilation
        if final:  # the next failure is the last
            if rec.loc is not None:
                rec.loc.failures = max(rec.loc.failures, self.config.max_failures - 1)
            elif rec.parent is not None:
                rec.parent.side_failures = max(rec.parent.side_failures, self.config.max_failures - 1)
        if rec.loc is not None:
            if transient and rec.loc.waits < MAX_LOCATION_WAITS:
                rec.loc.waits += counts
                rec.loc.count_again(self.config.hot_threshold)
                if self._park(rec.loc, waiting_on):
                    rec.loc.ticks += WAIT_FACTOR * self.config.hot_threshold
            else:
                self._fail_location(rec.loc)
        elif rec.parent is not None:
            ex = rec.parent
            if transient and ex.side_waits < MAX_SIDE_WAITS:
                ex.side_waits += counts
                ex.fail_count = 0
                ex.side_state = SIDE_COUNTING
                if self._park(ex, waiting_on):
                    ex.fail_count = -WAIT_FACTOR * self.config.sidetrace_threshold
            else:
                self._side_failed(ex)

    def _park(self, waiter, waiting_on) -> bool:
        """A recording waits for `waiting_on`'s trace (a loop or function still counting, tracing or compiling):
        its location or guard (`waiter`) retries only after WAIT_FACTOR times its usual count, or as soon as that
        trace settles (compiled, or given up), whichever comes first. Each retry would record up to the same place
        and abort again. True when parked."""
        if waiting_on is None or waiting_on.state not in (COUNTING, TRACING, COMPILING) or waiting_on is waiter:
            return False
        if waiting_on.waiters is None:
            waiting_on.waiters = []
        waiting_on.waiters.append(weakref.ref(waiter))  # a dropped trace's guards need not wait
        return True

    def _wake_waiters(self, loc: Location):
        """`loc`'s trace settled: what waited for it retries at its next visit or guard failure."""
        waiters, loc.waiters = loc.waiters, None
        for ref in waiters or ():
            w = ref()
            if w is None:
                continue
            if isinstance(w, Location):
                if w.state is COUNTING:
                    w.ticks = min(w.ticks, 0)
            elif w.side_state == SIDE_COUNTING:
                w.fail_count = max(w.fail_count, self.config.sidetrace_threshold - 1)

    def _fail_location(self, loc: Location):
        if loc.failed(self.config.hot_threshold, self.config.max_failures):
            self._wake_waiters(loc)

    # ---- execution and deoptimisation

    def _execute(self, trace, ts, frame) -> int:
        ts.push_executing(trace)
        log = self.log
        if log.level >= 4:
            log.event("enter-jit-code", trid=trace.trid, loc=trace.label, stack=ts.executing_ids())
        stats = self.stats
        stats.counts["trace_executions"] += 1
        try:
            if stats.enabled:
                t0 = time.perf_counter()
                result = trace.entry(frame)
                stats.add_time("jit_executing", time.perf_counter() - t0)
            else:
                result = trace.entry(frame)
        except BaseException:
            ts.pop_executing(trace)  # an exception escaped without an exit: nothing to rebuild
            raise
        return self._leave(trace, ts, frame, result)

    def call_function(self, trace, ts: ThreadState, args):
        """Run compiled function trace `trace` on `args` (as many as it has inputs); returns the function's result.
        Its exits finish the call in the interpreter (see _function_exit) and never leave early."""
        ts.push_executing(trace)
        if self.log.level >= 4:
            self.log.event("enter-jit-code", trid=trace.trid, loc=trace.label, stack=ts.executing_ids())
        self.stats.counts["trace_executions"] += 1
        depth = native_depth()
        set_native_site(depth + 1, 0)  # called from the interpreter
        set_native_depth(depth + 1)
        try:
            return trace.entry(*args)
        finally:
            set_native_depth(depth)
            ts.pop_executing(trace)

    def _function_exit(self, result):
        """A function trace left through exit result[0] (called from its code): rebuild the frames, let the
        language finish the call in its interpreter (Language.resume_call) and return the function's result."""
        t0 = time.perf_counter()
        ex = result[0]
        lang = self.lang
        ts = lang.current_thread_state()
        if self.worker is not None and self.worker.done:  # native recursion may not meet a control point for long
            self.install_finished(ts)
        frames, exc = self._take_exit(ex, ts, result)
        if exc is None and self._side_trace_due(ex, ts):
            self._start_side_tracing(ex, ts)
        self.stats.add_time("deopting", time.perf_counter() - t0)
        return lang.resume_call(ts, frames, exc)

    def _leave(self, entered, ts, frame, result) -> int:
        t0 = time.perf_counter()
        ex = result[0]
        frames, exc = self._take_exit(ex, ts, result)  # logged while the exiting trace is still on the stack
        ts.pop_executing(entered)
        ts.resume_value = self.lang.resume(ts, frame, frames, exc)
        self.stats.add_time("deopting", time.perf_counter() - t0)
        if exc is not None:
            raise exc
        if self._side_trace_due(ex, ts):
            self._start_side_tracing(ex, ts)
        return EXECUTED

    def _take_exit(self, ex, ts, result):
        """Log and count exit `ex`, and decode its exit tuple: (frames to rebuild, exception or None)."""
        if self.log.level >= 4:
            event = "return" if ex.kind == FINISH else "deoptimise"
            self.log.event(event, trid=ex.trid, loc=ex.trace.label, gidx=ex.index, stack=ts.executing_ids())
        if ex.kind != FINISH:
            self.stats.counts["deopts"] += 1
            ex.deopts += 1
        ex.fail_count += 1
        return resume.decode(ex, result)

    def _side_trace_due(self, ex, ts) -> bool:
        """Guard `ex` has failed often enough to record a side trace from where it resumed, and nothing records."""
        return (ex.patchable and self.lang.side_traces and ex.side_state == SIDE_COUNTING
                and ex.fail_count >= self.config.sidetrace_threshold and self.recording is None
                and ts.tracing_depth == 0)

    # ---- side traces

    def _start_side_tracing(self, ex, ts):
        """Record from where guard `ex` resumed the interpreter; the language finds the recording in
        ts.side_recording and records what the interpreter executes, starting from the exit's snapshot."""
        root = ex.trace.root
        if root.side_count >= self.config.max_side_traces:
            ex.side_state = SIDE_DONT
            self.log.event("tracing-aborted", trid=ex.trid, loc=root.label, reason="- too many side traces",
                           stack=ts.executing_ids())
            return
        trid = next(self._trids)
        rec = Recorder(trid, "side", root.label, [v.type for v in ex.live], self.config.max_trace_len,
                       self.log.wants_ir("aot"))
        rec.parent = ex
        ex.side_state = SIDE_TRACING
        ts.push_tracing(rec)
        self.recording = rec
        ts.side_recording = rec
        self.log.event("start-side-tracing", trid=trid, parent=ex.trid, loc=root.label, gidx=ex.index,
                       stack=ts.executing_ids())
        if self.log.level >= 4:  # the side trace announces itself each time a failing guard jumps into it
            rec.at(ex.pos, ex.snapshot.map_values(rec.from_parent))
            rec.op("call", rec.const_obj(self._side_trace_logger(trid, ex)))

    def _side_trace_logger(self, trid, ex):
        log, lang, parent, gidx, label = self.log, self.lang, ex.trid, ex.index, ex.trace.root.label

        def announce():
            ts = lang.current_thread_state()
            log.event("execute-side-trace", trid=trid, parent=parent, loc=label, gidx=gidx,
                      stack=ts.executing_ids() if ts is not None else [])

        return announce

    def stop_side_tracing(self, ts, rec, target):
        """The language ended side recording `rec` with a jump into compiled trace `target` (rec.jump_to)."""
        ex = rec.parent
        self._end_recording(ts, rec, True)
        self.log.event("stop-tracing", trid=rec.trid, parent=ex.trid, loc=rec.loc_label, stack=ts.executing_ids())

        def ready(trace, stack):
            self.backend.attach(ex, trace)
            ex.side_state = SIDE_COMPILED
            trace.root.side_count += 1
            self.stats.count("side_traces")
            self.log.event("trace-compiled", trid=rec.trid, parent=ex.trid, loc=rec.loc_label, stack=stack)

        def failed(reason, stack):
            self.log.event("trace-compilation-failed", trid=rec.trid, loc=rec.loc_label, reason=reason, stack=stack)
            self._side_failed(ex)

        self._compile(ts, rec, ready, failed, parent=ex)

    def _side_failed(self, ex):
        ex.side_failures += 1
        ex.fail_count = 0
        ex.side_state = SIDE_DONT if ex.side_failures >= self.config.max_failures else SIDE_COUNTING

    # ---- management

    def drop_trace(self, loc: Location):
        """Forget the compiled trace of `loc` (its code is freed once nothing runs it); the location counts again."""
        loc.drop_trace(self.config.hot_threshold)

    def shutdown(self):
        if self._closed:
            return
        self._closed = True
        self.stats.write()
        self.log.close()
