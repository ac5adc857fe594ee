"""Function traces on the Lua side: recursive functions compiled from their entry to their return (PyPy's
call_assembler, in the spirit of LuaJIT's up-recursion).

Loops are traced at their loop start; a recursive function has no loop to trace, so it gets a trace of its own:

- Counting: the dispatch loop calls `call_point` for a Lua function whose proto has a FunctionEntry, or that calls
  itself (a call from a frame of the same proto). Self-calls count towards the function's hot threshold, and so do
  all calls of a function with a loop that a loop recording wanted to call (see FunctionEntry.wanted).
- Recording (FunctionRecording, jit_record_func.py) starts at the callee's first instruction and ends at its return
  (op `ret`). A call of the function itself, or of a function with a compiled function trace, is recorded as one op
  (`call_trace`, a native call), and the interpreter runs that call unrecorded (`opaque`).
- Executing: a call of the traced closure runs the native code. Its result is one value, or a MultipleResults
  when the call returned another number of values (the caller spreads them). A guard that fails inside it does not
  return to this caller: the MT hands its exit to LuaLanguage.resume_call, which rebuilds the frames, interprets the
  rest of the call in a nested activation and returns the result to the native code that made the call.
- Bounds: native calls nest at most NATIVE_DEPTH_LIMIT deep (then the interpreter takes over), and no native call
  starts from an activation nested more than MAX_NATIVE_C_DEPTH deep (deopts run nested activations).
"""

from __future__ import annotations

import weakref

from jit.location import COMPILED, COMPILING, COUNTING, DONT_TRACE, TRACING
from jit.mt import START_TRACING
from jit.native_calls import NATIVE_DEPTH_LIMIT, native_depth, native_sites
from ylua import opcodes as op
from ylua.jit_native_frames import CallSites
from ylua.jit_values import rebuild_frames, result_of, results, resume_top
from ylua.vm import MAX_C_DEPTH, check_c_depth, execute, new_frame, unwind

MAX_NATIVE_C_DEPTH = 100  # nested activations (rt.c_depth) beyond which calls stay in the interpreter
_ENDS = frozenset((op.JMP, op.RETURN, op.TAILCALL))  # instructions after which control never falls through


class FunctionEntry:
    """What the JIT knows about calls of one proto: its Location (None: never traced, e.g. vararg functions), the
    closure its trace is specialised to, and whether every call returns exactly one value."""

    __slots__ = ("loc", "closure", "returns_one", "has_loop", "recursive", "long_loop", "fallback")

    def __init__(self, loc, proto):
        self.loc = loc
        self.closure = None
        self.returns_one = returns_one(proto)
        self.has_loop = any(ins[0] in op.LOOP_STARTS for ins in proto.code)
        # it was called from a frame of its own (or by a built-in), or a recording saw it refer to itself: every
        # call of it counts towards its trace
        self.recursive = False
        self.long_loop = False  # its function trace left at a loop of a function it inlined, past the unrolling limit
        self.fallback = None

    def wanted(self) -> bool:
        """A function with a loop, or a recursive one, gets a function trace of its own, which loop traces call
        instead of inlining it (and unrolling its loop, or copying the rest of its body into every side trace that
        starts in it): whether that trace is still to come (so a recording that meets a call waits for it)."""
        return ((self.has_loop or self.recursive) and self.loc is not None
                and self.loc.state in (COUNTING, TRACING, COMPILING))


def returns_one(proto) -> bool:
    """Whether every reachable RETURN of `proto` returns exactly one value (and it makes no tail call): then a call
    that wants all results gets exactly the one a function trace returns."""
    code = proto.code
    seen, work = set(), [0]
    while work:
        pc = work.pop()
        if pc in seen or not 0 <= pc < len(code):
            continue
        seen.add(pc)
        ins = code[pc]
        o = ins[0]
        if o == op.TAILCALL or (o == op.RETURN and ins[2] != 2):
            return False
        fmt = op.FORMATS[op.NAMES[o]]
        work.extend(ins[1 + k] for k, f in enumerate(fmt) if f == "J")
        if o not in _ENDS:
            work.append(pc + 1)
    return True


def fixed_args(proto, args: list) -> list:
    """The call's arguments as the function's parameters (missing ones nil, extra ones dropped)."""
    n = proto.num_params
    if len(args) == n:
        return args
    if len(args) > n:
        return args[:n]
    return args + [None] * (n - len(args))


class FunctionCalls:
    """The JitDriver's part that deals with calls (one per driver)."""

    def __init__(self, driver):
        self.driver = driver
        self.mt = driver.mt
        self.sites = CallSites()  # the places of call_trace ops (see jit_native_frames.py)
        # function trace -> {(proto, pc): the exits of its tree whose side traces start at that loop start}
        # (jit_record_func_loops.py)
        self.loops: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def entry_of(self, proto):
        entry = proto.jit_call
        if entry is None:
            loc = None if proto.is_vararg else self.mt.location(f"{proto.source}:{proto.line}")
            if loc is not None and loc.state == DONT_TRACE:  # the JIT is off
                loc = None
            entry = proto.jit_call = FunctionEntry(loc, proto)
        return entry

    def call_point(self, rt, fn, args, ret_c, recursive):
        """The dispatch loop is about to call Lua function `fn`: returns the results when the call ran here (natively,
        or opaquely for a recording), or None when the loop pushes the frame as usual (perhaps with a function
        recording just started)."""
        if rt.hook is not None:
            return None
        driver = self.driver
        rec = driver.recording
        if rec is not None and rt.recorder is rec:
            if rec.opaque_call is not fn:
                return None  # the recording inlines it
            rec.opaque_call = None
            return self.opaque(rt, fn, args)
        return self.run_or_count(rt, fn, args, recursive)

    def callback_point(self, rt, fn, args):
        """Interp.call is about to run Lua function `fn` for a built-in (a sort comparator, a gsub function) in a
        new activation: returns the results (a tuple) when its function trace ran the call natively, or None
        when the activation runs it (perhaps with a function recording just started). Every such call counts
        towards the function's trace, loops or not: each one costs an activation of the dispatch loop (json's
        escaping function ran 140 thousand times under string.gsub). rt.cur_frame is the built-in's level: an
        exit's frames are rebuilt below it (frame.hang_below), as the activation would have run them."""
        if rt.hook is not None or rt.recorder is not None or self.driver.recording is not None:
            return None
        return self.run_or_count(rt, fn, args, True)

    def run_or_count(self, rt, fn, args, recursive):
        """The results of a call of `fn` that its compiled function trace ran natively (the closure it was compiled
        for, not nested too deeply), or None after counting the call towards that trace (`recursive`: it counts
        even when the function has no loop)."""
        entry = fn.proto.jit_call or self.entry_of(fn.proto)
        loc = entry.loc
        if loc is None:
            return None
        if loc.state is COMPILED:
            if fn is entry.closure and self.may_run_native(rt):
                return results(self.mt.call_function(loc.trace, self.driver.thread_state(rt),
                                                     fixed_args(fn.proto, args)))
            return None
        self.count(rt, fn, entry, recursive)
        return None

    def tail_call_point(self, rt, fn, recursive):
        """The dispatch loop is about to make a tail call of Lua function `fn`. It counts towards fn's function
        trace as a call does, and may start recording it (a function reached only through tail calls, such as a
        parser's `return parse_object(s, pos)`, gets its trace too). A compiled trace of fn does not run here: its
        native call would keep the caller's frame, which the tail call replaces."""
        if rt.hook is not None or rt.recorder is not None:
            return
        entry = fn.proto.jit_call or self.entry_of(fn.proto)
        if entry.loc is not None and entry.loc.state is not COMPILED:
            self.count(rt, fn, entry, recursive)

    def count(self, rt, fn, entry, recursive):
        """A call of `fn` (whose trace is not compiled): count it, and start recording when it is hot."""
        if not (recursive or entry.has_loop or entry.recursive):
            return
        entry.recursive = entry.recursive or recursive
        loc = entry.loc
        loc.ticks -= 1
        if loc.ticks >= 0 or rt.recorder is not None:
            return
        driver = self.driver
        ts = driver.thread_state(rt)
        if self.mt.function_control_point(loc, ts, fn.proto.num_params) == START_TRACING:
            from ylua.jit_record_func import FunctionRecording

            entry.closure = fn
            recording = FunctionRecording(driver, rt, ts, ts.recording, fn)
            driver.begin_recording(rt, recording)

    @staticmethod
    def may_run_native(rt) -> bool:
        return native_depth() < NATIVE_DEPTH_LIMIT and rt.c_depth < MAX_NATIVE_C_DEPTH

    def compiled_for(self, fn):
        """The compiled function trace that serves calls of closure `fn`, or None."""
        entry = fn.proto.jit_call
        if entry is None or entry.loc is None or entry.closure is not fn or entry.loc.state is not COMPILED:
            return None
        return entry.loc.trace

    def opaque(self, rt, fn, args):
        """Run a call that the recording recorded as one `call_trace` op (it is not traced into)."""
        recording = self.driver.recording
        trace = self.compiled_for(fn)
        if trace is not None and self.may_run_native(rt):
            res = self.mt.call_function(trace, self.driver.thread_state(rt), fixed_args(fn.proto, args))
        else:
            res = result_of(rt.call(fn, args))
        recording.opaque_result = res  # what the trace's call_trace saw (jit_record.py specialises on it)
        return results(res)

    def fallback_for(self, fn):
        """What a `call_trace` of `fn` calls instead when native calls are nested too deeply: the interpreter."""
        entry = self.entry_of(fn.proto)
        if entry.fallback is None:
            def fallback(*args):
                frame = new_frame(fn, list(args), None, 0, 0)
                level = native_depth() + 1  # the level the call would have made: its site is recorded there
                frame.parent = self.sites.callers(native_sites(level), level, rt.cur_frame)
                return self.run_nested(rt, frame, 0, 0, None)

            rt = self.driver.lang.rt
            entry.fallback = fallback
        return entry.fallback

    def resume_call(self, ts, frames, exc):
        """LuaLanguage.resume_call: rebuild the frames a function trace's exit describes and finish the call in a
        nested activation (recording a side trace when the MT started one); returns the function's result."""
        rt = self.driver.lang.rt
        level = native_depth()  # the exit's own level
        built = rebuild_frames(rt, self.sites.callers(native_sites(level), level, rt.cur_frame), frames)
        innermost = built[-1]
        top = resume_top(frames[-1].desc, innermost.regs, exc) or 0
        return self.run_nested(rt, innermost, len(built) - 1, top, exc, ts, built)

    def run_nested(self, rt, frame, depth, top, exc, ts=None, side_frames=None):
        """Run the call whose innermost frame is `frame` (depth frames above the call's own) to its return in a
        nested activation, unrecorded unless the MT started a side recording (ts.side_recording) for these frames;
        or, when `exc` is not None, raise it there. Returns the call's result as a function trace returns it."""
        driver = self.driver
        saved_frame, saved_builtin, saved_recorder = rt.cur_frame, rt.c_builtin, rt.recorder
        rt.recorder = None
        rt.c_builtin = None
        rt.c_depth += 1
        side = None
        try:
            if rt.c_depth >= MAX_C_DEPTH:
                check_c_depth(rt.c_depth, saved_builtin, saved_frame)
            if exc is not None:  # the operation at frame.pc raised: it raises there
                rt.cur_frame = frame
                raise unwind(rt, frame, depth, exc)[0]  # (its frames hold no in-VM pcall: traces call pcall)
            if ts is not None and ts.side_recording is not None:
                side = driver.start_function_side_recording(rt, ts, side_frames, top)
            vals = execute(rt, frame, depth, top)
        finally:
            rt.c_depth -= 1
            rt.cur_frame, rt.c_builtin = saved_frame, saved_builtin
            if side is not None and driver.recording is side:
                driver.abort_recording(rt, side, "the traced call did not return")
            # the recording that ran when the call started goes on, unless it ended meanwhile: the call may have
            # yielded, and other coroutines may have ended it or started another (which is not this thread's)
            rt.recorder = saved_recorder if driver.recording is saved_recorder else None
        return result_of(vals)
