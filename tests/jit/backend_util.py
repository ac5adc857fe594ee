"""Helpers to run hand-written trace IR on both backends."""

from __future__ import annotations

from jit.backend.interp import InterpBackend
from jit.backend.llvm import LLVMBackend
from jit.config import Config
from jit.ir.parser import parse_trace
from jit.ir.verify import verify
from jit.trace import Trace

BACKENDS = {"interp": InterpBackend(), "llvm": LLVMBackend(Config())}

# a loop counting register 0 up to 100, and a side trace for its exit guard: it gets the guard's live values (o0,
# i2), counts its runs in register 1, moves register 0 on by 50 and jumps back, and stops at 300
COUNTING_LOOP = """inputs(o0)
label(o0)
o1 = getreg(o0, 0)
i2 = unbox_int(o1)
b3 = int_lt(i2, 100)
guard_true(b3) {$None@5: o0, i2}
i4 = int_add(i2, 1)
o5 = box_int(i4)
setreg(o0, 0, o5)
jump(o0)"""
COUNTING_SIDE = """trace 2 side loc=side
inputs(o0, i1)
b2 = int_lt(i1, 300)
guard_true(b2) {$None@9: o0, i1}
o3 = getreg(o0, 1)
i4 = unbox_int(o3)
i5 = int_add(i4, 1)
o6 = box_int(i5)
setreg(o0, 1, o6)
i7 = int_add(i1, 50)
o8 = box_int(i7)
setreg(o0, 0, o8)
jump_trace($root, o0)"""


def compile_text(text: str, backend: str, consts=None, exit_handler=None, parent=None) -> Trace:
    """Compile a trace written as text (`parent`: the exit a side trace continues from)."""
    ir = parse_trace(text, consts)
    verify(ir)
    trace = Trace(ir, parent=parent)
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
