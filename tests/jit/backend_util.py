"""Helpers to run hand-written trace IR on both backends."""

from __future__ import annotations

from jit.backend.interp import InterpBackend
from jit.backend.llvm import LLVMBackend
from jit.config import Config
from jit.ir.parser import parse_trace
from jit.ir.verify import verify
from jit.trace import Trace

BACKENDS = {"interp": InterpBackend(), "llvm": LLVMBackend(Config())}


def compile_text(text: str, backend: str, consts=None, exit_handler=None) -> Trace:
    ir = parse_trace(text, consts)
    verify(ir)
    trace = Trace(ir)
    trace.exit_handler = exit_handler  # function traces
    BACKENDS[backend].compile(trace)
    return trace


def norm(x):
    """Comparable form of an exit value (nan equal to nan, -0.0 distinct from 0.0, exceptions by type+args)."""
    if isinstance(x, float):
        return ("f", repr(x))
    if isinstance(x, BaseException):
        return ("exc", type(x).__name__, x.args)
    return (type(x).__name__, x)


def run_exit(trace, *inputs):
    r = trace.entry(*inputs)
    return r[0].index, [norm(x) for x in r[1:]]
