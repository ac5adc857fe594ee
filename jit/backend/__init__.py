"""Code generators. A backend turns a Trace (whose IR is final) into an entry callable.

    backend.compile(trace)      sets trace.entry (callable(*inputs) -> exit tuple) and trace.code (its handle)
    backend.attach(exit, side)  makes a failing `exit` continue in side trace `side` instead of leaving

Split for background compilation: prepare(trace) -> job on the main thread, job.build() anywhere (no Python objects
touched), job.install() on the main thread. compile() runs the three in a row.
"""

from __future__ import annotations


class CompileError(Exception):
    """The backend could not compile a trace; the program goes on without it."""


def make_backend(name: str, config):
    if name == "interp":
        from jit.backend.interp import InterpBackend

        return InterpBackend()
    if name == "llvm":
        from jit.backend.llvm import LLVMBackend

        return LLVMBackend(config)
    raise ValueError(f"no backend {name!r}")
