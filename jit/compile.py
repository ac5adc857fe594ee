"""The compile pipeline (cf. yk): build IR -> log pre-opt -> optimise -> log post-opt -> verify -> LLVM IR text ->
log llvm | (possibly on a worker thread) LLVM -> native code | install -> log asm. A failure anywhere raises
CompileError with a readable reason; the MT logs it and goes on."""

from __future__ import annotations

from jit.backend import CompileError
from jit.ir.printer import format_trace
from jit.ir.verify import VerifyError, verify
from jit.opt import optimise
from jit.trace import Trace


def prepare_trace(mt, rec, loc=None, parent=None):
    """Everything up to the backend's work that needs no Python objects: returns (trace, job), where job.build()
    may run on any thread and job.install() runs on the main thread; job is None when the backend compiled the
    trace at once."""
    log = mt.log
    ir = rec.build()
    if rec.aot_lines:
        log.ir("aot", ir.trid, "\n".join(rec.aot_lines))
    log.ir("jit-pre-opt", ir.trid, lambda: format_trace(ir, mt.names))
    try:
        if mt.config.opt:
            ir = optimise(ir)
            log.ir("jit-post-opt", ir.trid, lambda: format_trace(ir, mt.names))
        verify(ir)  # once, on what the backend gets (tests/jit/test_jit_opt.py verifies what the passes produce)
    except VerifyError as e:
        raise CompileError(f"invalid trace IR: {e}") from None
    except Exception as e:  # noqa: BLE001 - an optimiser bug costs this trace only, and is reported as its failure
        raise CompileError(f"the optimiser failed: {type(e).__name__}: {e}") from e
    trace = Trace(ir, loc=loc, parent=parent)
    if trace.kind == "function":
        trace.exit_handler = mt.function_exit_handler
    backend = mt.backend
    try:
        if not hasattr(backend, "prepare"):
            backend.compile(trace)
            return trace, None
        job = backend.prepare(trace)
    except CompileError:
        raise
    except Exception as e:  # noqa: BLE001 - any backend failure costs this trace only
        raise CompileError(f"{type(e).__name__}: {e}") from e
    log.ir("jit-llvm", ir.trid, job.text)
    return trace, job


def install_trace(mt, trace, job):
    """Make a built job's code the trace's entry (main thread)."""
    if job is None:
        return
    job.install()
    native = getattr(job, "native", None)
    if native is not None and native.asm is not None:
        mt.log.ir("jit-asm", trace.trid, native.asm)


def build_job(job, hurry: bool = False):
    """Build `job` (any thread); `hurry`: more compilations wait for this thread (see LLVMJob.build)."""
    try:
        job.build(hurry)
    except CompileError:
        raise
    except Exception as e:  # noqa: BLE001
        raise CompileError(f"{type(e).__name__}: {e}") from e


def compile_trace(mt, rec, loc=None, parent=None) -> Trace:
    """Compile synchronously (YKD_SERIALISE_COMPILATION=1, and the tests)."""
    trace, job = prepare_trace(mt, rec, loc, parent)
    if job is not None:
        build_job(job)
        install_trace(mt, trace, job)
    return trace
