"""The compile pipeline (cf. yk): build IR -> log pre-opt -> optimise -> log post-opt -> verify -> codegen -> log
llvm -> log asm. A failure anywhere raises CompileError with a readable reason; the MT logs it and goes on."""

from __future__ import annotations

from jit.backend import CompileError
from jit.ir.printer import format_trace
from jit.ir.verify import VerifyError, verify
from jit.opt import optimise
from jit.trace import Trace


def compile_trace(mt, rec, loc=None, parent=None) -> Trace:
    log = mt.log
    ir = rec.build()
    if rec.aot_lines:
        log.ir("aot", ir.trid, "\n".join(rec.aot_lines))
    log.ir("jit-pre-opt", ir.trid, lambda: format_trace(ir, mt.names))
    try:
        verify(ir)
        if mt.config.opt:
            ir = optimise(ir)
            log.ir("jit-post-opt", ir.trid, lambda: format_trace(ir, mt.names))
            verify(ir)
    except VerifyError as e:
        raise CompileError(f"invalid trace IR: {e}") from None
    trace = Trace(ir, loc=loc, parent=parent)
    try:
        job = mt.backend.compile(trace)
    except CompileError:
        raise
    except Exception as e:  # noqa: BLE001 - any backend failure costs this trace only
        raise CompileError(f"{type(e).__name__}: {e}") from e
    text = getattr(job, "text", None)
    if text is not None:
        log.ir("jit-llvm", ir.trid, text)
        native = getattr(job, "native", None)
        if native is not None and native.asm is not None:
            log.ir("jit-asm", ir.trid, native.asm)
    return trace
