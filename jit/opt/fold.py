"""Constant folding and strength reduction of pure machine-value ops.

An op whose arguments are all constants is evaluated at compile time (with the same semantics as the backends,
jit/ir/semantics.py); guards on constants disappear when they hold. Algebraic identities remove work: x + 0, x - 0,
x * 1, x * 0 (integers), x & -1, x | 0, x ^ 0, not not x, and int_to_float of a constant.
"""

from __future__ import annotations

from jit.ir import Const, Op
from jit.ir.semantics import PURE
from jit.opt.rewrite import Rewriter

_FOLDABLE_TYPES = ("i", "f", "b")
_IDENTITY_RIGHT = {"int_add": 0, "int_sub": 0, "int_mul": 1, "int_or": 0, "int_xor": 0, "int_and": -1,
                   "int_shl": 0, "int_lshr": 0, "int_ashr": 0}
_GUARD_HOLDS = {"guard_true": lambda c: c.value is True, "guard_false": lambda c: c.value is False}


def fold(ir):
    rw = Rewriter(ir)
    for op in ir.ops:
        rw.rename(op)
        name = op.opdef.name
        args = op.args
        if name in _GUARD_HOLDS and args[0].is_const() and _GUARD_HOLDS[name](args[0]):
            continue
        if op.type in _FOLDABLE_TYPES and name in PURE and args and all(a.is_const() for a in args):
            rw.replace(op, Const(op.type, PURE[name](*[a.value for a in args])))
            continue
        if name in _IDENTITY_RIGHT and args[1].is_const() and args[1].value == _IDENTITY_RIGHT[name]:
            rw.replace(op, args[0])
            continue
        if name == "int_mul" and args[1].is_const() and args[1].value == 0:
            rw.replace(op, Const("i", 0))
            continue
        inner = args[0] if args else None
        if name == "bool_not" and isinstance(inner, Op) and inner.opdef.name == "bool_not" \
                and id(inner) not in rw.label_args:
            rw.replace(op, inner.args[0])
            continue
        rw.keep(op)
    return rw.result()
