"""TraceIR: a recorded trace as IR (inputs, then a linear list of ops ending with a terminator)."""

from __future__ import annotations

from jit.ir.values import Input


class TraceIR:
    """`kind` is "root" (starts at a location, inputs are the language's entry objects) or "side" (starts at a
    parent guard; inputs are that guard's live values). `loc` is the location's label for logs."""

    __slots__ = ("trid", "kind", "loc", "inputs", "ops", "entry")

    def __init__(self, trid: int, inputs, ops, kind: str = "root", loc: str = "?", entry=None):
        self.trid = trid
        self.kind = kind
        self.loc = loc
        self.inputs: list[Input] = list(inputs)
        self.ops = list(ops)
        # a side trace that loops from its first op: the snapshot of its start (of its inputs only), where the
        # guards that licm hoists before the label resume
        self.entry = entry

    def with_ops(self, ops) -> TraceIR:
        """The same trace with other ops (what a pass returns)."""
        return TraceIR(self.trid, self.inputs, ops, self.kind, self.loc, self.entry)

    def label_index(self):
        for i, op in enumerate(self.ops):
            if op.opdef.name == "label":
                return i
        return None

    def snapshot_ops(self):
        """The ops that carry a snapshot (guards, raising ops, finish), in order: their index is the exit index."""
        return [op for op in self.ops if op.snapshot is not None]

    def count(self, name: str) -> int:
        return sum(1 for op in self.ops if op.opdef.name == name)
