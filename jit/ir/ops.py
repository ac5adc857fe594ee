"""The Op: one IR operation, which is also its own SSA result value."""

from __future__ import annotations

from jit.ir.opdefs import OPDEFS, OpDef
from jit.ir.values import Value


class Op(Value):
    """`opdef` says what it does; `args` are Values; `pos` is the language's source position (an opaque string such
    as "file.lua:12"); `snapshot` is set on guards, raising ops and finish."""

    __slots__ = ("opdef", "args", "pos", "snapshot")

    def __init__(self, opdef: OpDef, args, pos=None, snapshot=None):
        self.opdef = opdef
        self.type = opdef.result
        self.args = list(args)
        self.pos = pos
        self.snapshot = snapshot

    @property
    def name(self) -> str:
        return self.opdef.name

    def __repr__(self):
        return f"<Op {self.opdef.name}/{len(self.args)}>"


def make_op(name: str, args, pos=None, snapshot=None) -> Op:
    return Op(OPDEFS[name], args, pos, snapshot)
