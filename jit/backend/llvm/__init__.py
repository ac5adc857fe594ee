"""The LLVM backend: trace IR -> LLVM IR text (emit.py) -> native code (compiler.py) -> a builtin entry function."""

from __future__ import annotations

import ctypes

from jit.backend.llvm import capi, compiler
from jit.backend.llvm.emit import module_text


class LLVMHandle:
    """What a Trace keeps alive: the native library, its patch slots and its builtin entry."""

    def __init__(self, trace, nslots: int):
        self.slots = (ctypes.c_void_p * max(1, nslots))()
        self.slots_address = ctypes.addressof(self.slots)
        self.native = None
        self.entry = None
        self.internal_address = 0
        self.text = None


class LLVMJob:
    """One compilation, split for background compilation: prepare (main thread) / build (any thread) / install."""

    def __init__(self, backend, trace):
        self.trace = trace
        self.handle = LLVMHandle(trace, len(trace.exits))
        self.text, self.symbols = module_text(trace, self.handle.slots_address)
        self.fname = f"trace_{trace.trid}"
        self.exports = [self.fname]
        if f"@{self.fname}_py(" in self.text:
            self.exports.append(f"{self.fname}_py")
        self.opt = backend.config.opt
        self.want_asm = backend.want_asm
        self.native = None

    def build(self):
        self.native = compiler.compile_module(self.text, self.symbols, self.exports, self.opt, self.want_asm)

    def install(self):
        h = self.handle
        h.native = self.native
        h.text = self.text
        h.internal_address = self.native.addresses[self.fname]
        if len(self.exports) > 1:
            h.entry = capi.NativeEntry(self.fname, self.native.addresses[self.exports[1]])
            self.trace.entry = h.entry.function
        self.trace.code = h


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

    def attach(self, exit_, side_trace):
        """Patch `exit_` so that its failure continues in `side_trace` (native tail call)."""
        exit_.side_trace = side_trace
        exit_.trace.code.slots[exit_.index] = side_trace.code.internal_address

    @staticmethod
    def live_code_count() -> int:
        return compiler.live_code_count()
