"""A native loop lets the compile worker take the GIL while a build is in flight or its own code has become hot
enough to tier up (jit/gil.py), and only then."""

import sys
import threading
import time

from backend_util import compile_text

from jit import gil
from jit.backend.llvm import compiler

SPIN = """inputs(o0)
o1 = getreg(o0, 0)
i2 = unbox_int(o1)
label(o0, i2)
b3 = int_lt(i2, 400000000)
guard_true(b3) {$None@0: o0, i2}
i4 = int_add(i2, 1)
jump(o0, i4)"""


def run_spin_next_to_a_thread(builds: int, start: int) -> int:
    """Run the native loop from `start` while another Python thread counts its turns; return the turns it got."""
    trace = compile_text(SPIN, "llvm")
    return run_next_to_a_thread(trace, builds, start)


def run_next_to_a_thread(trace, builds: int, start: int) -> int:
    turns, stop = [0], threading.Event()

    def other():
        while not stop.is_set():
            turns[0] += 1
            time.sleep(0)  # gives the GIL away, then needs it back

    worker = threading.Thread(target=other)
    worker.start()
    time.sleep(0.02)
    gil.set_builds_in_flight(builds)
    saved = sys.getswitchinterval()
    sys.setswitchinterval(gil.SWITCH_INTERVAL)  # what the compile worker does while it builds
    try:
        before = turns[0]
        assert trace.entry([start])[2] == 400000000
        during = turns[0] - before
    finally:
        sys.setswitchinterval(saved)
        gil.set_builds_in_flight(0)
        stop.set()
        worker.join()
    return during


def test_a_native_loop_hands_the_gil_over_while_a_build_is_in_flight():
    assert run_spin_next_to_a_thread(builds=1, start=0) > 5


def test_a_native_loop_keeps_the_gil_when_nothing_is_built():
    # a loop that handed the GIL over would give the other thread hundreds of turns (about 1100 for the whole loop
    # when it does, 275 for this quarter of it); it gets 1 on an idle machine, and a loaded machine (pytest -n next
    # to benchmarks) was seen letting it in 70 times around the call itself
    assert run_spin_next_to_a_thread(builds=0, start=300000000) < 100


def test_fast_tier_code_that_becomes_hot_hands_the_gil_over(monkeypatch):
    """Nothing is built, but the loop's own hit counter reaches the tier-up threshold: the worker must get in to
    recompile it, long before the loop returns."""
    monkeypatch.setattr(compiler, "SMALL_MODULE_LINES", 0)  # the fast tier, which counts hits
    monkeypatch.setattr(compiler, "SMALL_LOOP_OPS", -1)
    trace = compile_text(SPIN, "llvm")
    assert trace.code.native.level == compiler.CODEGEN_LEVEL
    assert run_next_to_a_thread(trace, builds=0, start=0) > 5


def test_the_worker_restores_the_switch_interval_once_it_no_longer_wants_the_gil():
    from jit.worker import CompileWorker, Pending

    class Job:
        def build(self, hurry=False):
            time.sleep(0.01)

    saved = sys.getswitchinterval()
    worker = CompileWorker(1)
    try:
        worker.submit(Pending(None, Job(), None, None))
        deadline = time.monotonic() + 5
        while not worker.done and time.monotonic() < deadline:
            time.sleep(0.005)
        assert worker.done
        time.sleep(0.02)  # the build has been counted out
        assert sys.getswitchinterval() == saved
        assert gil._builds.value == 0
    finally:
        worker.close(wait=1.0)
        sys.setswitchinterval(saved)


def test_a_native_loop_lets_the_worker_take_a_queued_compilation():
    """A compilation submitted while nothing is built: the worker needs the GIL just to take it off its queue, so
    the queue counts as a build in flight (fasta's side traces waited 4 s for a native loop to return)."""
    from jit.worker import CompileWorker, Pending

    started = []

    class Job:
        def build(self, hurry=False):
            started.append(time.monotonic())

    trace = compile_text(SPIN, "llvm")
    saved = sys.getswitchinterval()
    worker = CompileWorker(1)
    try:
        time.sleep(0.05)  # the worker waits on its empty queue
        worker.submit(Pending(None, Job(), None, None))
        entered = time.monotonic()
        assert trace.entry([0])[2] == 400000000  # a few hundred ms of native code
        returned = time.monotonic()
        deadline = time.monotonic() + 5
        while not started and time.monotonic() < deadline:
            time.sleep(0.005)
        # taken within a few polls of the loop's start (it used to be taken when the loop returned)
        assert started and started[0] - entered < (returned - entered) / 2, (started[0] - entered, returned - entered)
    finally:
        worker.close(wait=1.0)
        sys.setswitchinterval(saved)
        gil.set_builds_in_flight(0)
