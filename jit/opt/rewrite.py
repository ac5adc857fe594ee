"""What every pass shares: rebuilding a trace with some ops dropped or replaced by other values.

A pass walks the ops in order and, for each, either keeps it (with its arguments and snapshot renamed through the
substitutions made so far), drops it, or replaces its result by another value. Label arguments are never replaced:
after the label they denote the loop-carried values (phis), before it their initial values, so one SSA value stands
for two things and only the label may define it.
"""

from __future__ import annotations

from jit.ir import TraceIR


class Rewriter:
    def __init__(self, ir):
        self.ir = ir
        self.subst: dict[int, object] = {}
        self.out: list = []
        label = ir.label_index()
        self.label_pos = label
        self.label_args = {id(a) for a in ir.ops[label].args} if label is not None else set()

    def rename(self, op):
        """Apply the substitutions to op's arguments and snapshot (in place: passes own the IR they rebuild; a
        snapshot, which several ops may share, is copied only when one of its values changes)."""
        subst = self.subst
        if not subst:
            return
        op.args = [subst.get(id(a), a) for a in op.args]
        snap = op.snapshot
        if snap is not None and not subst.keys().isdisjoint(snap.value_ids()):
            op.snapshot = snap.renamed(subst)

    def keep(self, op):
        self.out.append(op)

    def replace(self, op, value) -> bool:
        """Use `value` wherever op's result was used; False (and the op is kept) for label arguments."""
        if id(op) in self.label_args:
            self.keep(op)
            return False
        self.subst[id(op)] = value
        return True

    def result(self) -> TraceIR:
        return self.ir.with_ops(self.out)


def value_key(v):
    """A hashable identity of an IR value (constants by value, the rest by object)."""
    return v.key() if v.is_const() else ("v", id(v))


def op_key(op):
    return (op.opdef.name, *(value_key(a) for a in op.args))
