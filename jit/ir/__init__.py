"""The trace IR: typed SSA at the level of CPython objects (see opdefs.py for the operations)."""

from jit.ir.opdefs import OPDEFS, OPS, OpDef
from jit.ir.ops import Op, make_op
from jit.ir.snapshot import SnapFrame, Snapshot
from jit.ir.trace_ir import TraceIR
from jit.ir.values import BOOL, FLOAT, INT, OBJ, VOID, Const, Input, Value, const_obj, const_of, wrap64

__all__ = [
    "BOOL", "FLOAT", "INT", "OBJ", "VOID", "OPDEFS", "OPS", "Const", "Input", "Op", "OpDef", "SnapFrame",
    "Snapshot", "TraceIR", "Value", "const_obj", "const_of", "make_op", "wrap64",
]
