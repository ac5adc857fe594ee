"""Locations and the thread-state stack."""

import pytest

from jit.location import COMPILED, COMPILING, COUNTING, DONT_TRACE, PARKED, TRACING, Location
from jit.thread_state import INTERPRETING, JitStateError, ThreadState


class T:
    def __init__(self, trid):
        self.trid = trid


class R:
    trid = 99


def test_location_lifecycle():
    loc = Location("f:1", 3)
    visits = 0
    while True:
        visits += 1
        loc.ticks -= 1
        if loc.ticks < 0:
            break
    assert visits == 3 and loc.state == COUNTING
    loc.start_tracing()
    assert loc.state == TRACING and loc.ticks < 0
    loc.start_compiling()
    assert loc.state == COMPILING
    loc.compiled("trace")
    assert loc.state == COMPILED and loc.trace == "trace" and loc.ticks < 0
    loc.drop_trace(3)
    assert loc.state == COUNTING and loc.trace is None and loc.ticks == 2


def test_threshold_zero_traces_on_first_visit():
    loc = Location("f:1", 0)
    loc.ticks -= 1
    assert loc.ticks < 0


def test_dont_trace_after_five_failures():
    loc = Location("f:1", 10)
    for k in range(5):
        loc.start_tracing()
        became = loc.failed(10, 5)
        assert became == (k == 4)
    assert loc.state == DONT_TRACE and loc.ticks == PARKED


def test_stack_push_pop():
    ts = ThreadState()
    assert ts.stack == [INTERPRETING] and ts.recording is None
    t1, t2, rec = T(1), T(2), R()
    ts.push_executing(t1)
    ts.push_tracing(rec)
    assert ts.recording is rec and ts.tracing_depth == 1
    ts.push_executing(t2)
    assert ts.executing_ids() == [1, 2] and ts.depth == 4
    ts.pop_executing(t2)
    ts.pop_tracing(rec)
    ts.pop_executing(t1)
    assert ts.stack == [INTERPRETING] and ts.tracing_depth == 0


def test_pop_checks_trace_id():
    ts = ThreadState()
    ts.push_executing(T(1))
    ts.push_executing(T(2))
    with pytest.raises(JitStateError, match="pop_executing\\(1\\)"):
        ts.pop_executing(T(1))
    with pytest.raises(JitStateError):
        ts.pop_tracing(R())


def test_activation_check_mode():
    ts = ThreadState(check=True)
    d = ts.enter()
    ts.push_executing(T(1))
    with pytest.raises(JitStateError, match="entered as \\[Interpreting\\]"):
        ts.leave(d)
    loose = ThreadState(check=False)
    d = loose.enter()
    loose.push_executing(T(1))
    loose.leave(d)  # not checked


def test_recording_aborted_inside_nested_activation():
    """A recording may abort while compiled code or a nested activation runs above it (its coroutine yields there):
    it removes its own entry, and the nested activation's check accepts that and nothing else."""
    ts = ThreadState(check=True)
    rec = R()
    ts.push_tracing(rec)
    d = ts.enter()  # a nested activation starts while recording
    ts.push_executing(T(1))
    ts.pop_tracing(rec)  # from under the Executing entry
    assert ts.stack == [INTERPRETING, ts.stack[1]] and ts.tracing_depth == 0
    ts.pop_executing(T(1))
    ts.leave(d)
    d = ts.enter()
    ts.push_tracing(R())  # but a recording that an activation leaves behind is caught
    with pytest.raises(JitStateError):
        ts.leave(d)


class _SideRecording:
    """What MT.abort_tracing reads of a side trace's recording."""

    def __init__(self, parent):
        self.trid, self.loc, self.loc_label, self.parent, self.started = 7, None, "f:1", parent, 0.0


class _Exit:
    def __init__(self):
        self.fail_count, self.side_state, self.side_failures, self.side_waits = 5, "side-tracing", 0, 0


def _abort_side(mt, ts, ex, transient, waiting_on=None):
    rec = _SideRecording(ex)
    ts.push_tracing(rec)
    mt.recording = rec
    mt.abort_tracing(ts, "inner loop at f:2", transient, waiting_on)


def test_transient_side_trace_aborts_do_not_blacklist_the_guard():
    from jit.config import Config
    from jit.mt import MT
    from jit.trace import SIDE_COUNTING, SIDE_DONT

    mt, ts = MT(None, Config()), ThreadState()
    ex = _Exit()
    for _ in range(20):
        _abort_side(mt, ts, ex, transient=True)
        assert ex.side_state == SIDE_COUNTING and ex.fail_count == 0 and ex.side_failures == 0
    for _ in range(Config().max_failures):
        _abort_side(mt, ts, ex, transient=False)
    assert ex.side_state == SIDE_DONT and ts.stack == [INTERPRETING]


def test_transient_side_trace_aborts_wait_only_so_long():
    """Past MAX_SIDE_WAITS transient aborts (a loop on the way that never gets a trace), aborts count as failures."""
    from jit.config import Config
    from jit.mt import MAX_SIDE_WAITS, MT
    from jit.trace import SIDE_COUNTING, SIDE_DONT

    mt, ts = MT(None, Config()), ThreadState()
    ex = _Exit()
    for _ in range(MAX_SIDE_WAITS):
        _abort_side(mt, ts, ex, transient=True)
    assert ex.side_state == SIDE_COUNTING and ex.side_failures == 0
    for k in range(Config().max_failures):
        _abort_side(mt, ts, ex, transient=True)
        assert ex.side_failures == k + 1
    assert ex.side_state == SIDE_DONT and ts.stack == [INTERPRETING]


def test_waiting_for_a_loop_being_compiled_does_not_use_up_the_waits():
    """However often the guard fails while the inner loop's trace compiles, its side trace waits; once the inner
    location is no longer being compiled (say it never gets a trace), the waits are bounded again."""
    from jit.config import Config
    from jit.location import Location
    from jit.mt import MAX_SIDE_WAITS, MT
    from jit.trace import SIDE_COUNTING, SIDE_DONT

    mt, ts = MT(None, Config()), ThreadState()
    inner = Location("f:2", 1)
    inner.start_tracing()
    inner.start_compiling()
    ex = _Exit()
    for _ in range(3 * MAX_SIDE_WAITS):
        _abort_side(mt, ts, ex, transient=True, waiting_on=inner)
    assert ex.side_state == SIDE_COUNTING and ex.side_waits == 0 and ex.side_failures == 0
    inner.failed(1, 5)
    for _ in range(MAX_SIDE_WAITS + Config().max_failures):
        _abort_side(mt, ts, ex, transient=True, waiting_on=inner)
    assert ex.side_state == SIDE_DONT


def test_transient_root_aborts_count_again_but_only_so_often():
    """A root recording that aborts for a passing reason (an inner loop's trace is being compiled) leaves its
    location counting with no failure held against it, MAX_LOCATION_WAITS times; then aborts are failures."""
    from jit.config import Config
    from jit.location import COUNTING, DONT_TRACE, Location
    from jit.mt import MAX_LOCATION_WAITS, MT

    mt, ts = MT(None, Config()), ThreadState()
    loc = Location("f:3", Config().hot_threshold)
    rec = _SideRecording(None)
    rec.loc = loc
    for _ in range(MAX_LOCATION_WAITS):
        ts.push_tracing(rec)
        mt.recording = rec
        mt.abort_tracing(ts, "inner loop at f:4", transient=True)
        assert loc.state == COUNTING and loc.failures == 0
    for _ in range(Config().max_failures):
        ts.push_tracing(rec)
        mt.recording = rec
        mt.abort_tracing(ts, "inner loop at f:4", transient=True)
    assert loc.state == DONT_TRACE and ts.stack == [INTERPRETING]


def test_a_recording_that_waits_for_another_trace_retries_when_that_trace_settles():
    """A recording that aborts because it met a loop or function whose trace is still to come (counting, tracing,
    compiling) retries only after WAIT_FACTOR times its usual count, or as soon as that trace is compiled or given
    up: each retry before then would record up to the same place and abort again."""
    from jit.config import Config
    from jit.mt import MT, WAIT_FACTOR
    from jit.trace import SIDE_COUNTING

    config = Config()
    mt, ts = MT(None, config), ThreadState()
    awaited = Location("f:2", config.hot_threshold)
    loc = Location("f:3", config.hot_threshold)
    rec = _SideRecording(None)
    rec.loc = loc
    ts.push_tracing(rec)
    mt.recording = rec
    mt.abort_tracing(ts, "waits for the function trace of f:2", transient=True, waiting_on=awaited)
    assert loc.state == COUNTING and loc.ticks >= WAIT_FACTOR * config.hot_threshold
    ex = _Exit()
    _abort_side(mt, ts, ex, transient=True, waiting_on=awaited)
    assert ex.side_state == SIDE_COUNTING and ex.fail_count <= -WAIT_FACTOR * config.sidetrace_threshold
    unrelated = Location("f:4", config.hot_threshold)
    rec.loc = unrelated
    ts.push_tracing(rec)
    mt.recording = rec
    mt.abort_tracing(ts, "inner loop at f:5", transient=True)  # waits for nothing in particular: a usual count
    assert unrelated.ticks < config.hot_threshold

    mt._wake_waiters(awaited)  # its trace was compiled (or given up)
    assert loc.ticks <= 0 and ex.fail_count == config.sidetrace_threshold - 1 and awaited.waiters is None
    assert ts.stack == [INTERPRETING]
