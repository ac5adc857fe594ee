"""The LLVM backend: trace IR -> LLVM IR text (emit.py) -> native code (compiler.py) -> a builtin entry function.

Tiers: a module bigger than compiler.SMALL_MODULE_LINES is first emitted at the fast codegen level, which keeps loop
values on the stack; once the worker has nothing more urgent to do, the MT asks for a tier-up job that emits the same
module text again at the optimising level and switches the trace over to it. A small module with no loop of its own
starts at the fast level too while compilations queue up (LLVMJob.build). Traces reach each other through cells (a
jump or a native call loads the target's current address), so the switch reaches them too; the replaced code stays
loaded, since a native frame may still be running it."""

from __future__ import annotations

import ctypes
import time

from jit.backend.llvm import capi, compiler
from jit.backend.llvm.emit import TIER_UP_HITS, module_text, without_hit_counter


class LLVMHandle:
    """What a Trace keeps alive: the native library, its patch slots and its builtin entry."""

    def __init__(self, trace, nslots: int):
        self.slots = (ctypes.c_void_p * max(1, nslots))()
        self.slots_address = ctypes.addressof(self.slots)
        self.native = None
        self.entry = None
        self.internal_address = 0
        self.cell = (ctypes.c_void_p * 1)()  # the current internal address, read by traces that jump or call here
        self.cell_address = ctypes.addressof(self.cell)
        self.hits = (ctypes.c_int64 * 1)()  # entries plus loop iterations, counted by the code
        self.hits_address = ctypes.addressof(self.hits)
        self.text = None
        self.symbols = self.exports = None
        self.retired: list = []  # (native code, entry) replaced by a tier-up

    def switch_to(self, trace, native, fname: str, exports):
        """Make `native` the trace's code: its internal address, its cell and, for root and function traces, the
        builtin entry."""
        self.native = native
        self.internal_address = self.cell[0] = native.addresses[fname]
        if len(exports) > 1:
            self.entry = capi.NativeEntry(fname, native.addresses[exports[1]])
            trace.entry = self.entry.function


class LLVMJob:
    """One compilation, split for background compilation: prepare (main thread) / build (any thread) / install."""

    def __init__(self, backend, trace):
        self.trace = trace
        self.handle = LLVMHandle(trace, len(trace.exits))
        self.text, self.symbols, self.loop_entry, self.level, self.loops = module_text(
            trace, self.handle.slots_address, self.handle.hits_address)
        self.fname = f"trace_{trace.trid}"
        self.exports = [self.fname]
        if f"@{self.fname}_py(" in self.text:
            self.exports.append(f"{self.fname}_py")
        self.opt = backend.config.opt
        self.want_asm = backend.want_asm
        self.native = None

    def build(self, hurry: bool = False):
        """Compile the module. In a `hurry` (more first compilations wait for the worker), code with no loop of its
        own (a side trace, a function trace) that would start at the optimising level starts at the fast one, and
        tiers up once the worker is idle and the code is hot: at the optimising level a small module takes 5-7 times
        as long per line, and while a backlog lasts, the guards whose side traces wait keep failing into the
        interpreter (queens: 120 modules, and side traces waited 260 ms on average for a worker that took 12 ms
        each)."""
        level = self.level if self.opt else None
        if hurry and level == compiler.CODEGEN_LEVEL_SMALL and not self.loops:
            level = compiler.CODEGEN_LEVEL
        if level == compiler.CODEGEN_LEVEL_SMALL:  # no tier-up will want the count
            self.text = without_hit_counter(self.text)
        self.native = compiler.compile_module(self.text, self.symbols, self.exports, self.opt, self.want_asm, level)

    def install(self):
        h = self.handle
        h.text, h.symbols, h.exports = self.text, self.symbols, self.exports
        h.switch_to(self.trace, self.native, self.fname, self.exports)
        self.trace.code = h
        self.trace.loop_entry = self.loop_entry


# Modules are recompiled at the optimising level when the worker is idle, once their code has run TIER_UP_HITS times.
# That level costs about L2_SECONDS_PER_LINE per line (0.6-1.3 s for 6000-12000 lines), so a module bigger than
# EAGER_TIER_UP_LINES waits until its code has run hot for as long as its recompilation will take (ski rental: a
# program that ends sooner would not have got that time back; n-body's 9000-line step at 350000 steps would not,
# at a million it runs 20% faster). Past TIER_UP_MAX_LINES, never.
L2_SECONDS_PER_LINE = 0.0001
EAGER_TIER_UP_LINES = 6000
TIER_UP_MAX_LINES = 20000


class TierUpJob:
    """Emit a trace's module again at the optimising codegen level (build, on the worker), then switch the trace to
    the new code (install, main thread): its entry, its cell, and the parent guard's patch slot of a side trace."""

    def __init__(self, trace):
        self.trace = trace
        self.handle = trace.code
        self.fname = f"trace_{trace.trid}"
        self.native = None
        lines = self.handle.text.count("\n")
        self.rent = lines * L2_SECONDS_PER_LINE if lines > EAGER_TIER_UP_LINES else 0.0
        self.hot_since = None  # when heat() first found the code hot

    def heat(self) -> int:
        """How often the code to replace has been entered or looped (0 until it is worth recompiling)."""
        hits = self.handle.hits[0]
        if hits < TIER_UP_HITS:
            return 0
        if self.rent:
            now = time.monotonic()
            if self.hot_since is None:
                self.hot_since = now
            if now - self.hot_since < self.rent:
                return 0
        return hits

    def build(self, hurry: bool = False):
        h = self.handle
        self.native = compiler.compile_module(without_hit_counter(h.text), h.symbols, h.exports, True, False,
                                              compiler.CODEGEN_LEVEL_SMALL)  # counted enough

    def install(self):
        h, trace = self.handle, self.trace
        h.retired.append((h.native, h.entry))
        h.switch_to(trace, self.native, self.fname, h.exports)
        parent = trace.parent
        if parent is not None and parent.side_trace is trace:
            parent.trace.code.slots[parent.index] = h.internal_address


class LLVMBackend:
    name = "llvm"

    def __init__(self, config):
        self.config = config
        self.want_asm = "jit-asm" in config.log_ir_stages

    def prepare(self, trace) -> LLVMJob:
        return LLVMJob(self, trace)

    def compile(self, trace) -> LLVMJob:
        job = self.prepare(trace)
        job.build()
        job.install()
        return job

    def tier_up(self, trace) -> TierUpJob | None:
        """A job that recompiles `trace` at the optimising codegen level, or None when it was compiled there (or
        the optimiser is off, or the module is too big to pay back)."""
        h = trace.code
        if not self.config.opt or h is None or h.native is None or h.native.level == compiler.CODEGEN_LEVEL_SMALL:
            return None
        if h.text.count("\n") > TIER_UP_MAX_LINES:
            return None
        return TierUpJob(trace)

    def attach(self, exit_, side_trace):
        """Patch `exit_` so that its failure continues in `side_trace` (native tail call). The side trace must have
        been compiled for that exit: it reads its inputs where the exit's code leaves them (exits.py)."""
        if side_trace.parent is not exit_:
            raise ValueError(f"trace {side_trace.trid} was not compiled as a side trace of {exit_!r}")
        exit_.side_trace = side_trace
        exit_.trace.code.slots[exit_.index] = side_trace.code.internal_address

    @staticmethod
    def live_code_count() -> int:
        return compiler.live_code_count()
