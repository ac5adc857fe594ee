"""Tier-up: a trace first emitted at the fast codegen level is emitted again at the optimising one and every way
into it switches over (its entry, the cell that jumps and native calls read, its parent guard's patch slot)."""

import time

from backend_util import BACKENDS, COUNTING_LOOP, COUNTING_SIDE, compile_text

from jit.backend.llvm import LLVMBackend, compiler
from jit.backend.llvm.emit import HIT
from jit.config import Config
from jit.ir.parser import parse_trace
from jit.trace import Trace
from jit.worker import CompileWorker, Pending

LOOP, SIDE = COUNTING_LOOP, COUNTING_SIDE


def run(root):
    regs = [0, 0]
    exit_tuple = root.entry(regs)
    return exit_tuple[0].trid, exit_tuple[2], regs


def test_tier_up_switches_the_entry_the_cell_and_the_parent_slot(monkeypatch):
    monkeypatch.setattr(compiler, "SMALL_MODULE_LINES", 0)  # every module starts at the fast level
    monkeypatch.setattr(compiler, "SMALL_LOOP_OPS", -1)
    backend = BACKENDS["llvm"]
    root = compile_text(LOOP, "llvm")
    side = Trace(parse_trace(SIDE, {"root": root}), parent=root.exits[0])
    backend.compile(side)
    backend.attach(root.exits[0], side)
    before = run(root)
    assert before == (side.trid, 300, [300, 4])
    assert root.code.native.level == side.code.native.level == compiler.CODEGEN_LEVEL

    for trace in (root, side):
        old_entry, old_address = trace.entry, trace.code.internal_address
        job = backend.tier_up(trace)
        job.build()
        job.install()
        assert trace.code.native.level == compiler.CODEGEN_LEVEL_SMALL
        assert trace.code.internal_address != old_address == trace.code.retired[0][0].addresses[job.fname]
        assert trace.code.cell[0] == trace.code.internal_address
        assert backend.tier_up(trace) is None  # once is enough
        if trace is root:
            assert trace.entry is not old_entry
    assert root.code.slots[0] == side.code.internal_address
    assert run(root) == before


def test_no_tier_up_for_code_already_optimised_or_with_the_optimiser_off(monkeypatch):
    small = compile_text(LOOP, "llvm")
    assert small.code.native.level == compiler.CODEGEN_LEVEL_SMALL and BACKENDS["llvm"].tier_up(small) is None
    monkeypatch.setattr(compiler, "SMALL_MODULE_LINES", 0)
    monkeypatch.setattr(compiler, "SMALL_LOOP_OPS", -1)
    unoptimised = LLVMBackend(Config(opt=False))
    trace = Trace(parse_trace(LOOP))
    unoptimised.compile(trace)
    assert trace.code.native.level == compiler.CODEGEN_LEVEL and unoptimised.tier_up(trace) is None


def test_only_code_that_may_tier_up_counts_its_iterations(monkeypatch):
    small = compile_text(LOOP, "llvm")
    assert HIT not in small.code.text
    small.entry([0, 0])
    assert small.code.hits[0] == 0
    monkeypatch.setattr(compiler, "SMALL_MODULE_LINES", 0)
    monkeypatch.setattr(compiler, "SMALL_LOOP_OPS", -1)
    big = compile_text(LOOP, "llvm")
    assert HIT in big.code.text
    big.entry([0, 0])
    assert big.code.hits[0] == 1 + 101  # the entry, and every pass through the loop header


def test_in_a_hurry_loopless_code_starts_at_the_fast_level_and_tiers_up_later():
    """With more compilations waiting for the worker, a small side trace (no loop of its own) is built at the fast
    level and keeps its hit counter, so that it tiers up later; a small loop is built at the optimising level even
    then, and without a hurry both are."""
    backend = BACKENDS["llvm"]
    for hurry in (False, True):
        root = Trace(parse_trace(LOOP))
        root_job = backend.prepare(root)
        root_job.build(hurry)
        root_job.install()
        side = Trace(parse_trace(SIDE, {"root": root}), parent=root.exits[0])
        side_job = backend.prepare(side)
        side_job.build(hurry)
        side_job.install()
        backend.attach(root.exits[0], side)
        assert root.code.native.level == compiler.CODEGEN_LEVEL_SMALL and HIT not in root.code.text
        if not hurry:
            assert side.code.native.level == compiler.CODEGEN_LEVEL_SMALL and HIT not in side.code.text
            assert backend.tier_up(side) is None
            continue
        assert side.code.native.level == compiler.CODEGEN_LEVEL and HIT in side.code.text
        assert run(root) == (side.trid, 300, [300, 4])
        assert side.code.hits[0] == 5  # every entry of the side trace (the fifth leaves at its guard) counts
        job = backend.tier_up(side)
        job.build()
        job.install()
        assert side.code.native.level == compiler.CODEGEN_LEVEL_SMALL
        assert root.code.slots[0] == side.code.internal_address
        assert run(root) == (side.trid, 300, [300, 4])


def test_the_fast_tier_only_inlines_our_helpers_and_the_optimising_level_runs_every_pass():
    import llvmlite.binding as llvm

    text = """define internal i64 @helper(i64 %a) alwaysinline {
  %b = add i64 %a, 0
  ret i64 %b
}
define i64 @f(i64 %x) {
  %y = call i64 @helper(i64 %x)
  %z = mul i64 %y, 1
  ret i64 %z
}
"""
    seen = {}
    for level in (compiler.CODEGEN_LEVEL, compiler.CODEGEN_LEVEL_SMALL):
        tm = compiler._target_machine(level)
        module = llvm.parse_assembly(text)
        compiler._optimise(module, tm, True, level, text.count("\n"))
        seen[level] = str(module.get_function("f"))
    assert "call" not in seen[compiler.CODEGEN_LEVEL] and "mul i64" in seen[compiler.CODEGEN_LEVEL]
    assert "call" not in seen[compiler.CODEGEN_LEVEL_SMALL] and "mul i64" not in seen[compiler.CODEGEN_LEVEL_SMALL]


def test_a_big_module_tiers_up_only_after_running_hot_as_long_as_its_recompilation_takes(monkeypatch):
    import jit.backend.llvm as llvm_backend

    monkeypatch.setattr(compiler, "SMALL_MODULE_LINES", 0)
    monkeypatch.setattr(compiler, "SMALL_LOOP_OPS", -1)
    monkeypatch.setattr(llvm_backend, "EAGER_TIER_UP_LINES", 0)  # this small loop counts as big
    monkeypatch.setattr(llvm_backend, "L2_SECONDS_PER_LINE", 1.0)
    trace = compile_text(LOOP, "llvm")
    job = BACKENDS["llvm"].tier_up(trace)
    assert job.heat() == 0  # not hot yet
    trace.code.hits[0] = llvm_backend.TIER_UP_HITS + 5
    clock = [1000.0]
    monkeypatch.setattr(llvm_backend.time, "monotonic", lambda: clock[0])
    assert job.heat() == 0  # hot from now on: the rent runs
    clock[0] += job.rent - 1
    assert job.heat() == 0
    clock[0] += 1
    assert job.heat() == llvm_backend.TIER_UP_HITS + 5


def test_a_big_module_with_a_short_loop_starts_at_the_optimising_level():
    small, fast = compiler.CODEGEN_LEVEL_SMALL, compiler.CODEGEN_LEVEL
    lines = compiler.SMALL_MODULE_LINES + 1
    assert compiler.codegen_level(lines, compiler.SMALL_LOOP_OPS) == small  # a long preamble, a short loop
    assert compiler.codegen_level(lines, compiler.SMALL_LOOP_OPS + 1) == fast
    assert compiler.codegen_level(lines, None) == fast  # no loop of its own (a side trace, a function trace)
    assert compiler.codegen_level(compiler.SMALL_MODULE_LINES, None) == small


class _Job:
    def __init__(self, heat, during=None):
        self._heat, self.during = heat, during

    def heat(self):
        if self.during is not None:  # what the main thread may do while the worker looks at the queue
            self.during()
        return self._heat


def test_the_worker_picks_the_hottest_tier_up_while_the_main_thread_submits_more():
    """The worker weighs the waiting tier-ups while the interpreting thread may submit another (job.heat() runs
    Python code, so the GIL can switch there): it looks at a copy of the queue. Iterating over the queue itself
    raised "deque mutated during iteration" in the worker thread, which then died, and nothing compiled again."""
    worker = CompileWorker(0)  # no threads: the test runs the worker's step itself
    late = Pending(None, _Job(1), None, None, tier_up=True)
    hot = Pending(None, _Job(9, lambda: worker.submit(late)), None, None, tier_up=True)
    cool = Pending(None, _Job(2), None, None, tier_up=True)
    worker.submit(cool)
    worker.submit(hot)
    worker.last_build = 0.0  # no first compilation ended lately
    assert worker._hottest_tier_up() is hot
    assert list(worker.later) == [cool, late]


def test_the_worker_builds_in_a_hurry_while_more_compilations_wait():
    import threading

    built = []

    class Job:
        def __init__(self, name):
            self.name = name

        def build(self, hurry=False):
            built.append((self.name, hurry))

    worker = CompileWorker(0)  # no threads yet: both jobs wait before the worker takes the first
    for name in ("first", "last"):
        worker.submit(Pending(None, Job(name), None, None))
    thread = threading.Thread(target=worker._run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 5
        while len(worker.done) < 2 and time.monotonic() < deadline:
            time.sleep(0.005)
    finally:
        worker.closing = True
        thread.join(1.0)
    assert built == [("first", True), ("last", False)]
