"""Reference-count plan for a trace: which object values the generated code owns, and where each is released.

Every object value the trace computes is an owned (new) reference: loads incref, calls and boxing return new
references, and trace inputs arrive owned. Constants are borrowed from the trace (which keeps them alive).

An *entity* is what owns a reference: a value, or, after the label, the loop-carried version of a label argument (the
label's phi: uses of a label argument after the label mean the phi, because jump redefines it). For each entity:

    decref     released (Py_DecRef) right after its last use on the normal path
    consumed   a label argument's pre-loop value: ownership moves into the phi at the label
    invariant  defined before the label and used inside the loop: kept until the trace leaves
    transfer   passed to the terminator (jump / jump_trace / jump_loop / ret): ownership moves to the phi, the next
               trace or the caller

At an exit, the entities live there (defined before it, not yet released) are handed to the exit tuple (or the side
trace) or released.
"""

from __future__ import annotations

from jit.ir.values import OBJ

INF = float("inf")
DECREF, CONSUMED, INVARIANT, TRANSFER = "decref", "consumed", "invariant", "transfer"


class Ownership:
    def __init__(self, ir):
        self.ops = ops = ir.ops
        self.label = ir.label_index()
        self.term = len(ops) - 1
        label_args = ops[self.label].args if self.label is not None else []
        self.phi_index = {id(v): k for k, v in enumerate(label_args)}
        self.defpos: dict = {}
        self.kind: dict = {}
        self.end: dict = {}
        self.decref_after: dict[int, list] = {}
        self._analyse(ir)

    def entity(self, v, pos):
        """The entity that value `v` denotes when referenced at op position `pos` (v not a constant)."""
        if self.label is not None and pos > self.label:
            k = self.phi_index.get(id(v))
            if k is not None:
                return ("phi", k)
        return id(v)

    def refs(self, op):
        yield from op.args
        if op.snapshot is not None:
            yield from op.snapshot.all_values()

    def _analyse(self, ir):
        L, T = self.label, self.term
        for v in ir.inputs:
            if v.type == OBJ:
                self.defpos[id(v)] = -1
        if L is not None:
            for k, v in enumerate(self.ops[L].args):
                if v.type == OBJ:
                    self.defpos[("phi", k)] = L
        for p, op in enumerate(self.ops):
            if op.type == OBJ:
                self.defpos[id(op)] = p
        last = dict(self.defpos)
        in_term = set()
        for p, op in enumerate(self.ops):
            for v in self.refs(op):
                if v.is_const() or v.type != OBJ:
                    continue
                e = self.entity(v, p)
                last[e] = max(last[e], p)
                if p == T and op.opdef.name in ("jump", "jump_trace", "jump_loop", "ret"):
                    in_term.add(e)
        for e, d in self.defpos.items():
            if L is not None and d < L and not isinstance(e, tuple) and e in self.phi_index:
                kind, end = CONSUMED, L
            elif L is not None and d < L and last[e] > L:
                kind, end = INVARIANT, INF
            elif e in in_term:
                kind, end = TRANSFER, T
            else:
                kind, end = DECREF, last[e]
                self.decref_after.setdefault(end, []).append(e)
            self.kind[e] = kind
            self.end[e] = end

    def live_at_exits(self) -> dict[int, list]:
        """op position of each snapshot-carrying op -> the owned entities live on its exit path, in a fixed order."""
        by_def: dict[int, list] = {}
        for e, d in self.defpos.items():
            by_def.setdefault(d, []).append(e)
        live: dict = dict.fromkeys(by_def.get(-1, ()))
        out = {}
        for p, op in enumerate(self.ops):
            if op.snapshot is not None:
                out[p] = [e for e in live if self.end[e] >= p]
            for e in by_def.get(p, ()):
                live[e] = None
            for e in [e for e in live if self.end[e] <= p]:
                del live[e]
        return out
