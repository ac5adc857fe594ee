"""Constant folding and strength reduction of pure machine-value ops.

An op whose arguments are all constants is evaluated at compile time (with the same semantics as the backends,
jit/ir/semantics.py); guards on constants disappear when they hold, and unboxing a constant number gives the
machine constant (cse applies both again once forwarding has turned register loads into stored constants).
Algebraic identities remove work: x + 0, x - 0, x * 1, x * 0 (integers), x // 1, x % 1, x & -1, x | 0, x ^ 0,
x * 1.0 and x / 1.0 (exact for every float), not not x, and int_to_float of a constant. Integer floor division and
modulo by a power of two become a shift and a mask (a numeric for loop with step 1 computes its trip count as a
floor division on every entry).
"""

from __future__ import annotations

from jit.ir import Const, Op
from jit.ir.ops import make_op
from jit.ir.semantics import PURE
from jit.opt.rewrite import Rewriter

_FOLDABLE_TYPES = ("i", "f", "b")
_IDENTITY_RIGHT = {"int_add": 0, "int_sub": 0, "int_mul": 1, "int_or": 0, "int_xor": 0, "int_and": -1,
                   "int_shl": 0, "int_lshr": 0, "int_ashr": 0, "int_floordiv": 1, "float_mul": 1.0, "float_div": 1.0}
_POWER_OF_TWO = {"int_floordiv": lambda k: ("int_ashr", k), "int_mod": lambda k: ("int_and", (1 << k) - 1)}


def _power_of_two(c) -> int | None:
    """k when `c` is the integer constant 2**k (k >= 1)."""
    if not c.is_const():
        return None
    v = c.value
    return v.bit_length() - 1 if type(v) is int and v > 1 and v & (v - 1) == 0 else None


_GUARD_HOLDS = {"guard_true": lambda c: c.value is True, "guard_false": lambda c: c.value is False,
                "guard_type": lambda c, t: type(c.value) is t.value, "guard_is": lambda c, d: c.value is d.value,
                "guard_is_not": lambda c, d: c.value is not d.value}
_UNBOX = {"unbox_int": ("i", int), "unbox_float": ("f", float)}


def holds_on_constants(op) -> bool:
    """Whether op is a guard on constants that holds (it can go)."""
    holds = _GUARD_HOLDS.get(op.opdef.name)
    return holds is not None and all(a.is_const() for a in op.args) and holds(*op.args)


def unboxed_constant(op) -> Const | None:
    """The machine constant that unboxing a constant number gives (forwarding turns register loads into the
    constants a trace stored), or None."""
    spec = _UNBOX.get(op.opdef.name)
    if spec is None or not op.args[0].is_const() or type(op.args[0].value) is not spec[1]:
        return None
    return Const(spec[0], op.args[0].value)


def fold(ir):
    rw = Rewriter(ir)
    for op in ir.ops:
        rw.rename(op)
        name = op.opdef.name
        args = op.args
        if holds_on_constants(op):
            continue
        unboxed = unboxed_constant(op)
        if unboxed is not None and rw.replace(op, unboxed):
            continue
        if op.type in _FOLDABLE_TYPES and name in PURE and args and all(a.is_const() for a in args):
            rw.replace(op, Const(op.type, PURE[name](*[a.value for a in args])))
            continue
        if name in _IDENTITY_RIGHT and args[1].is_const() and args[1].value == _IDENTITY_RIGHT[name]:
            rw.replace(op, args[0])
            continue
        if (name == "int_mul" and args[1].is_const() and args[1].value == 0) or \
                (name == "int_mod" and args[1].is_const() and args[1].value in (1, -1)):
            rw.replace(op, Const("i", 0))
            continue
        if name in _POWER_OF_TWO and id(op) not in rw.label_args:
            k = _power_of_two(args[1])
            if k is not None:
                cheap, operand = _POWER_OF_TWO[name](k)
                new = make_op(cheap, [args[0], Const("i", operand)], op.pos)
                rw.keep(new)
                rw.replace(op, new)
                continue
        inner = args[0] if args else None
        if name == "bool_not" and isinstance(inner, Op) and inner.opdef.name == "bool_not" \
                and id(inner) not in rw.label_args:
            rw.replace(op, inner.args[0])
            continue
        rw.keep(op)
    return rw.result()
