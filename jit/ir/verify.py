"""The IR verifier: structural and type rules every trace must satisfy before code generation.

- every argument and snapshot value is a constant, an input, or an op defined earlier;
- argument counts and types match the op's signature; upper-case signature letters require constants;
- guards, raising ops and finish carry a snapshot; other ops do not;
- at most one label, with distinct non-constant arguments; the last op, and only it, is a terminator;
- jump needs a label and passes values of the label's types, one per label argument;
- a void op is never used as a value.
"""

from __future__ import annotations

from jit.ir.values import OBJ, VOID, Input


class VerifyError(Exception):
    pass


class _Where:
    """Names the op an error is about (built into a message only when there is an error)."""

    __slots__ = ("idx", "op", "suffix")

    def __init__(self, idx, op, suffix=""):
        self.idx, self.op, self.suffix = idx, op, suffix

    def __call__(self) -> str:
        return f"op {self.idx} ({self.op.opdef.name}){self.suffix}"


def _check_value(v, defined: set, where):
    if v.is_const():
        return
    if v.type == VOID:
        raise VerifyError(f"{where()}: a void op used as a value")
    if id(v) not in defined:
        raise VerifyError(f"{where()}: use of a value not defined before")


def _check_args(op, defined: set, where):
    sig = op.opdef.fixed_args
    if len(op.args) < len(sig) or (not op.opdef.variadic and len(op.args) != len(sig)):
        raise VerifyError(f"{where()}: {len(op.args)} arguments for signature {op.opdef.args!r}")
    for k, (arg, want) in enumerate(zip(op.args, sig)):
        if arg.type != want.lower():
            raise VerifyError(f"{where()}: argument {k} has type {arg.type}, wants {want.lower()}")
        if want.isupper() and not arg.is_const():
            raise VerifyError(f"{where()}: argument {k} must be a constant")
    for arg in op.args:
        _check_value(arg, defined, where)


def _check_snapshot(snap, defined: set, where):
    in_snapshot = _Where(where.idx, where.op, " snapshot")
    for v in snap.all_values():
        _check_value(v, defined, in_snapshot)
    for target, _i, _v in snap.writes:
        if target.type != OBJ:
            raise VerifyError(f"{where()}: snapshot write into a non-object")


def verify(ir) -> None:
    defined: set[int] = set()
    for k, inp in enumerate(ir.inputs):
        if not isinstance(inp, Input) or inp.index != k:
            raise VerifyError(f"input {k} is not Input #{k}")
        defined.add(id(inp))
    label = None
    if not ir.ops:
        raise VerifyError("empty trace")
    checked = set()  # ids of the snapshots checked already: ops share them, and `defined` only grows
    last = len(ir.ops) - 1
    for idx, op in enumerate(ir.ops):
        where = _Where(idx, op)
        _check_args(op, defined, where)
        snap = op.snapshot
        if op.opdef.needs_snapshot != (snap is not None):
            raise VerifyError(f"{where()}: snapshot {'missing' if snap is None else 'not allowed'}")
        if snap is not None and id(snap) not in checked:
            _check_snapshot(snap, defined, where)
            checked.add(id(snap))
        if op.opdef.is_terminator != (idx == last):
            problem = "terminator not last" if op.opdef.is_terminator else "trace not terminated"
            raise VerifyError(f"{where()}: {problem}")
        name = op.opdef.name
        if name == "label":
            if label is not None:
                raise VerifyError(f"{where()}: second label")
            if any(a.is_const() for a in op.args) or len({id(a) for a in op.args}) != len(op.args):
                raise VerifyError(f"{where()}: label arguments must be distinct non-constants")
            label = op
        elif name == "jump_loop":
            wanted = getattr(op.args[0].value, "loop_entry", None)
            if wanted is None or [a.type for a in op.args[1:]] != [v.type for v in wanted]:
                raise VerifyError(f"{where()}: arguments do not match the target's loop entry")
        elif name == "jump":
            if label is None:
                raise VerifyError(f"{where()}: jump without label")
            if [a.type for a in op.args] != [a.type for a in label.args]:
                raise VerifyError(f"{where()}: jump arguments do not match the label's")
        if op.type != VOID:
            defined.add(id(op))
