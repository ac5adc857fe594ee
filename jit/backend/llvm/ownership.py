"""Reference-count plan for a trace: which object values the generated code owns, and where each is released.

Object values the trace computes are owned (new) references: loads incref, calls and boxing return new references,
and trace inputs arrive owned. Constants are borrowed from the trace (which keeps them alive). So is a *borrowed*
load: a value read from a container that no later op of the trace can make drop it (no call, no allocation that may
collect, no store that may overwrite the slot it came from) and that is never carried through the label or handed
to a terminator. Its container keeps it alive for as long as the trace runs, so it is neither increfed nor released;
an exit that hands it on (to the exit tuple or a side trace) takes a new reference there, on the cold path.

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
from jit.opt.memory import DICT_READ_KEY

INF = float("inf")
DECREF, CONSUMED, INVARIANT, TRANSFER = "decref", "consumed", "invariant", "transfer"

# load op -> the stores that may overwrite the slot it reads (see _may_overwrite for how keys tell them apart)
_DICT_STORES = ("dict_set", "dict_set_float", "dict_set_int")
_LOADS = {"getslot": ("setslot",), "getreg": ("setreg", "setreg_int", "setreg_float"), "dict_get": _DICT_STORES,
          "dict_slot_value": _DICT_STORES, "list_getitem": ("list_setitem", "list_setitem_float", "list_setitem_int"),
          "tuple_getitem": ()}
_HARMLESS_ALLOCATIONS = {"box_int", "box_float"}  # objects the cycle collector does not track


def uses(op):
    """The values op uses, and so must be alive for: its arguments but the old item a dict store is given (it
    reads that one before it stores, and the item's container still holds it then)."""
    args = op.args
    if op.opdef.name in _DICT_STORES and len(args) > 3:  # its a3 is only looked at, before the store
        return args[:3]
    return args


def _may_overwrite(load, store) -> bool:
    """Whether `store` may overwrite the slot that `load` read (same offset, register or key; unknown ones may)."""
    name = load.opdef.name
    if store.opdef.name not in _LOADS[name]:
        return False
    if name == "list_getitem":
        return True
    a, b = load.args[DICT_READ_KEY.get(name, 1)], store.args[1]
    return not (a.is_const() and b.is_const()) or a.value == b.value


def borrowed_loads(ir, label, rooted_inputs: bool) -> set:
    """The ids of the load ops whose results the trace may borrow (see the module's doc). The container is a
    constant, a borrowed load, a value the trace owns until it leaves (one computed before the loop and used in
    it), or (rooted_inputs: a root or function trace, whose inputs the interpreter holds) an input. The value is not
    carried around the loop (a loop entry may bring it in owned) nor handed to the label or a terminator, and
    between the load and its last use no op may make the container drop it."""
    ops = ir.ops
    last_use: dict = {}
    handed = set()  # values the label or a terminator takes over
    for p, op in enumerate(ops):
        for v in uses(op):
            last_use[id(v)] = p
        if op.snapshot is not None:
            for v in op.snapshot.all_values():
                last_use[id(v)] = p
        if op.opdef.name == "label" or "T" in op.opdef.flags:
            handed.update(id(a) for a in op.args)
    dangers = [p for p, op in enumerate(ops)
               if op.opdef.calls_out or ("A" in op.opdef.flags and op.opdef.name not in _HARMLESS_ALLOCATIONS)]
    stores = [(p, op) for p, op in enumerate(ops) if "W" in op.opdef.flags]
    roots = {id(v) for v in ir.inputs} if rooted_inputs else set()
    out = set()
    for p, op in enumerate(ops):
        end = last_use.get(id(op), p)
        if label is not None and p < label < end and id(op) not in handed:
            roots.add(id(op))  # owned until the trace leaves: a safe container
            continue
        if op.opdef.name not in _LOADS or id(op) in handed:
            continue
        box = op.args[0]
        if not (box.is_const() or id(box) in out or id(box) in roots):
            continue
        if any(p < q <= end for q in dangers):
            continue
        if any(p < q <= end and _may_overwrite(op, st) for q, st in stores):
            continue
        out.add(id(op))
    return out


class Ownership:
    def __init__(self, ir, rooted_inputs: bool = False):
        self.ops = ops = ir.ops
        self.label = ir.label_index()
        self.term = len(ops) - 1
        label_args = ops[self.label].args if self.label is not None else []
        self.phi_index = {id(v): k for k, v in enumerate(label_args)}
        self.defpos: dict = {}
        self.kind: dict = {}
        self.end: dict = {}
        self.decref_after: dict[int, list] = {}
        self.borrowed = borrowed_loads(ir, self.label, rooted_inputs)
        self._analyse(ir)

    def entity(self, v, pos):
        """The entity that value `v` denotes when referenced at op position `pos` (v not a constant)."""
        if self.label is not None and pos > self.label:
            k = self.phi_index.get(id(v))
            if k is not None:
                return ("phi", k)
        return id(v)

    def refs(self, op):
        yield from uses(op)
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
            if op.type == OBJ and id(op) not in self.borrowed:
                self.defpos[id(op)] = p
        last = dict(self.defpos)
        in_term = set()
        for p, op in enumerate(self.ops):
            for v in self.refs(op):
                if v.is_const() or v.type != OBJ or id(v) in self.borrowed:
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
