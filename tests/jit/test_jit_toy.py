"""The runtime driven end to end by the toy interpreter: tracing, compiling, executing, deoptimising."""

import pytest
from toy_util import events, make, names
from toyvm import Func, ToyError

from jit.backend import CompileError

JITCS = ["none", "interp", "llvm"]


def float_sum():
    return Func("main", 6, [
        ("k", 0, 0.0), ("k", 1, 0), ("k", 3, 1), ("k", 5, 0.5),
        ("loop",),  # 4
        ("lt", 4, 1, 2), ("jf", 4, 11),
        ("add", 0, 0, 1), ("add", 0, 0, 5), ("add", 1, 1, 3),
        ("jmp", 4),
        ("ret", 0),  # 11
    ])


@pytest.mark.parametrize("jitc", JITCS)
def test_float_sum(jitc, tmp_path):
    it = make([float_sum()], tmp_path, jitc)
    assert it.run("main", None, None, 300) == sum(range(300)) + 150.0
    evs = events(it)
    if jitc == "none":
        assert evs == []
        return
    assert [e for e, _ in evs] == ["start-tracing", "stop-tracing", "trace-compiled", "enter-jit-code", "deoptimise"]
    assert evs[4][1] == {"trid": 1, "loc": "main:4", "gidx": evs[4][1]["gidx"], "stack": [1]}
    assert it.ts.stack == it.mt.thread_state().stack


def calls_and_types():
    """main sums double(x) over a list whose elements turn from ints to floats: double() is inlined in the trace
    and its guard fails inside the inlined frame."""
    main = Func("main", 8, [
        ("k", 0, 0), ("k", 1, 0), ("len", 2, 6), ("k", 3, 1),
        ("loop",),  # 4
        ("lt", 4, 1, 2), ("jf", 4, 12),
        ("get", 5, 6, 1),
        ("call", 7, "double", (5,)),
        ("add", 0, 0, 7), ("add", 1, 1, 3),
        ("jmp", 4),
        ("ret", 0),  # 12
    ])
    double = Func("double", 2, [("add", 1, 0, 0), ("out", 1), ("ret", 1)])
    return [main, double]


@pytest.mark.parametrize("jitc", JITCS)
def test_deopt_rebuilds_inlined_frames(jitc, tmp_path):
    data = list(range(40)) + [0.5 * k for k in range(40)]
    it = make(calls_and_types(), tmp_path, jitc)
    assert it.run("main", 0, 0, 0, 0, 0, 0, data) == 2 * sum(data)
    assert it.output == [2 * x for x in data]
    if jitc != "none":
        deopts = names(events(it), "deoptimise")
        assert deopts and it.resumes >= 1


def test_list_bounds_guard(tmp_path):
    # reads past the end of the list: the bounds guard exits, the interpreter raises IndexError
    main = Func("main", 6, [
        ("k", 0, 0), ("k", 1, 0), ("k", 3, 1),
        ("loop",),  # 3
        ("get", 5, 4, 1), ("add", 0, 0, 5), ("add", 1, 1, 3),
        ("jmp", 3),
    ])
    for jitc in JITCS:
        it = make([main], tmp_path, jitc)
        with pytest.raises(IndexError):
            it.run("main", 0, 0, 0, 0, list(range(50)))
        assert it.ts.depth == 1


def raiser(x):
    if x == 30:
        raise ToyError(f"bad {x}")
    return x


def raising_loop():
    return Func("main", 6, [
        ("k", 0, 0), ("k", 1, 0), ("k", 3, 1),
        ("loop",),  # 3
        ("pycall", 5, 4, (1,)),  # 4
        ("add", 0, 0, 5), ("add", 1, 1, 3),
        ("jmp", 3),
    ])


@pytest.mark.parametrize("jitc", JITCS)
def test_error_in_call_keeps_its_position(jitc, tmp_path):
    it = make([raising_loop()], tmp_path, jitc)
    with pytest.raises(ToyError) as info:
        it.run("main", 0, 0, 0, 0, raiser)
    assert info.value.where == ("main", 4) and str(info.value) == "bad 30"
    assert it.ts.depth == 1
    if jitc != "none":
        evs = events(it)
        assert names(evs, "deoptimise")[-1]["stack"] == [1]


def test_abort_when_returning_below_root_frame(tmp_path):
    main = Func("main", 4, [("k", 0, 0), ("loop",), ("add", 0, 0, 1), ("lt", 3, 0, 2), ("jf", 3, 6), ("jmp", 1),
                            ("ret", 0)])
    it = make([main], tmp_path)
    assert it.run("main", 0, 1, 1) == 1
    evs = events(it)
    assert names(evs, "tracing-aborted") == [{"trid": 1, "loc": "main:1", "reason": "returns below its root frame",
                                              "stack": []}]


def test_location_gives_up_after_five_failures(tmp_path):
    f = Func("f", 4, [("k", 0, 0), ("loop",), ("add", 0, 0, 1), ("lt", 3, 0, 2), ("jf", 3, 6), ("jmp", 1),
                      ("ret", 0)])
    it = make([f], tmp_path)
    for _ in range(8):
        it.run("f", 0, 1, 1)
    assert len(names(events(it), "tracing-aborted")) == 5
    assert f.locs[1].state == "dont-trace"


def test_compile_failure_is_reported_and_survived(tmp_path, monkeypatch):
    it = make([float_sum()], tmp_path)

    def fail(trace):
        raise CompileError("LLVM says no")

    monkeypatch.setattr(it.mt.backend, "prepare", fail)
    assert it.run("main", None, None, 100) == sum(range(100)) + 50.0
    evs = events(it)
    failed = names(evs, "trace-compilation-failed")
    assert failed and failed[0]["reason"] == "LLVM says no" and failed[0]["trid"] == 1
    assert it.mt.stats.counts["traces_compiled_err"] >= 1


def test_an_optimiser_bug_is_reported_as_a_compile_failure_and_survived(tmp_path, monkeypatch):
    """It once vanished: the exception left the recording after it had stopped, and nothing said so."""
    import jit.compile

    it = make([float_sum()], tmp_path)

    def broken(ir):
        raise AttributeError("'Op' object has no attribute 'value'")

    monkeypatch.setattr(jit.compile, "optimise", broken)
    assert it.run("main", None, None, 100) == sum(range(100)) + 50.0
    failed = names(events(it), "trace-compilation-failed")
    assert failed and failed[0]["reason"].startswith("the optimiser failed: AttributeError")


def test_hot_threshold_counts_visits():
    it = make([float_sum()], threshold=50)
    it.run("main", None, None, 40)
    assert it.mt.stats.counts["traces_recorded_ok"] == 0
    it.run("main", None, None, 40)
    assert it.mt.stats.counts["traces_recorded_ok"] == 1


def test_no_jit_never_calls_the_control_point(monkeypatch):
    it = make([float_sum()], jitc="none")
    monkeypatch.setattr(it.mt, "control_point", None)
    assert it.run("main", None, None, 1000) == sum(range(1000)) + 500.0


def test_background_compilation_installs_code_at_a_later_control_point(tmp_path):
    """With a compile worker the loop keeps interpreting while LLVM works; the trace is entered once it is ready,
    and the result is the same."""
    import time

    from toyvm import Func

    body = [("k", 0, 0), ("k", 1, 0), ("k", 3, 1), ("loop",), ("lt", 4, 1, 2), ("jf", 4, 9),
            ("add", 0, 0, 1), ("add", 1, 1, 3), ("jmp", 3), ("ret", 0)]
    it = make([Func("main", 8, body)], tmp_path, "llvm", serialise_compilation=False)
    assert it.run("main", None, None, 200000) == sum(range(200000))
    deadline = time.time() + 30
    while it.mt.worker.pending and time.time() < deadline:
        time.sleep(0.01)
    assert it.run("main", None, None, 1000) == sum(range(1000))
    evs = events(it)
    assert names(evs, "trace-compiled") and names(evs, "enter-jit-code")
