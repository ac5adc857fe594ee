"""The reference backend: executes trace IR in Python (PyPy's llgraph in spirit).

It produces exactly the exit tuples the LLVM backend produces, so tests run the same trace on both and compare. It is
slow and simple on purpose: one dict of values, one branch per op kind.
"""

from __future__ import annotations

from jit.backend import CompileError
from jit.ir.semantics import PURE
from jit.layout import read_slot, slot_name
from jit.native_calls import NATIVE_DEPTH_LIMIT, native_depth, set_native_depth, set_native_site
from jit.trace import RAISE, SELF_CALL


class _Transfer:
    """Continue in another trace (side trace or jump_trace) with these input values."""

    __slots__ = ("trace", "values")

    def __init__(self, trace, values):
        self.trace = trace
        self.values = values


def _box(v, type_):
    if type_ == "b":
        return bool(v)
    if type_ == "f":
        return float(v)
    return v


class _Return:
    """A function trace returns `value` (from its `ret`, or from its exit handler)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class _GuardFailed(Exception):
    pass


def _guard(ok):
    if not ok:
        raise _GuardFailed


def _setslot(o, off, v):
    setattr(o, slot_name(type(o), off), v)


def _list_setitem(lst, i, v):
    lst[i] = v


# op name -> fn(*arg values) for the impure ops that are not control flow
_EFFECTS = {
    "guard_true": lambda c: _guard(c),
    "guard_false": lambda c: _guard(not c),
    "guard_type": lambda o, t: _guard(type(o) is t),
    "guard_is": lambda o, c: _guard(o is c),
    "guard_is_not": lambda o, c: _guard(o is not c),
    "getslot": read_slot,
    "setslot": _setslot,
    "getreg": lambda lst, i: lst[i],
    "setreg": _list_setitem,
    "setreg_int": lambda regs, i, v: _list_setitem(regs, i, int(v)),
    "setreg_float": lambda regs, i, f: _list_setitem(regs, i, float(f)),
    "list_getitem": lambda lst, i: lst[i],
    "list_setitem": _list_setitem,
    "list_len": len,
    "list_append": lambda lst, v: lst.append(v),
    "dict_get": lambda d, k: d.get(k),
    "dict_keys": lambda d: d,  # this backend reads by key: where the entries are does not matter
    "dict_slot_value": lambda d, _keys, _index, k: d.get(k),
    "bytes_concat": lambda a, b: a + b,
    "bytes_slice": lambda b, i, j: b[i:j],
    "dict_len": len,
    "dict_set": lambda d, k, v, *_old: d.__setitem__(k, v),
    "dict_set_float": lambda d, k, f, *_old: d.__setitem__(k, float(f)),
    "list_setitem_float": lambda lst, i, f: _list_setitem(lst, i, float(f)),
    "dict_set_int": lambda d, k, v, *_old: d.__setitem__(k, int(v)),
    "list_setitem_int": lambda lst, i, v: _list_setitem(lst, i, int(v)),
    "new_list": lambda n: [None] * n,
    "new_dict": dict,
    "new_tuple": lambda *items: items,
    "new_object": lambda t: t.__new__(t),
    "call": lambda f, *args: f(*args),
    "same_int": lambda a: a,
    "same_float": lambda a: a,
    "same_bool": lambda a: a,
    "same_obj": lambda a: a,
}


class _Program:
    def __init__(self, trace):
        self.trace = trace
        ir = trace.ir
        self.inputs = ir.inputs
        self.ops = ir.ops
        self.label = ir.label_index()
        exits = iter(trace.exits)
        self.exit_of = {id(op): next(exits) for op in ir.snapshot_ops()}
        for op in self.ops:
            if op.opdef.name not in PURE and op.opdef.name not in _EFFECTS and not op.opdef.is_terminator \
                    and op.opdef.name not in ("label", "call_trace"):
                raise CompileError(f"interp backend: no semantics for {op.opdef.name}")

    def run(self, values):
        env = {id(v): x for v, x in zip(self.inputs, values)}

        def get(v):
            return v.value if v.is_const() else env[id(v)]

        ops = self.ops
        i = 0
        while True:
            op = ops[i]
            name = op.opdef.name
            if name == "label":
                i += 1
                continue
            if name == "jump":
                new = [get(a) for a in op.args]
                for a, x in zip(ops[self.label].args, new):
                    env[id(a)] = x
                i = self.label + 1
                continue
            if name == "jump_trace":
                return _Transfer(op.args[0].value, [get(a) for a in op.args[1:]])
            if name == "finish":
                return self.leave(op, env, None)
            if name == "ret":
                return _Return(get(op.args[0]))
            args = [get(a) for a in op.args]
            fn = PURE.get(name)
            try:
                if name == "call_trace":
                    res = self.call_trace(*args)
                else:
                    res = fn(*args) if fn is not None else _EFFECTS[name](*args)
            except _GuardFailed:
                return self.leave(op, env, None)
            except BaseException as e:  # noqa: BLE001 - Python errors leave the trace through the raise exit
                if not op.opdef.can_raise:
                    raise
                return self.leave(op, env, e)
            if op.type != "v":
                env[id(op)] = res
            i += 1

    def call_trace(self, target, fallback, site, *args):
        depth = native_depth()
        set_native_site(depth + 1, site)
        if depth >= NATIVE_DEPTH_LIMIT:
            return fallback(*args)
        set_native_depth(depth + 1)
        try:
            return (self.trace if target is SELF_CALL else target).entry(*args)
        finally:
            set_native_depth(depth)

    def leave(self, op, env, exc):
        ex = self.exit_of[id(op)]

        def get(v):
            return v.value if v.is_const() else env[id(v)]

        if ex.patchable and ex.side_trace is not None:
            return _Transfer(ex.side_trace, [get(v) for v in ex.live])
        out = [ex]
        out.extend(_box(get(v), v.type) for v in ex.live)
        if ex.kind == RAISE:
            out.append(exc)
        if self.trace.returns:
            return _Return(self.trace.root.exit_handler(tuple(out)))
        return tuple(out)


class InterpBackend:
    name = "interp"

    def compile(self, trace):
        prog = _Program(trace)
        trace.code = prog

        def entry(*inputs):
            target, values = trace, inputs
            while True:
                r = target.code.run(values)
                if type(r) is _Return:
                    return r.value
                if type(r) is not _Transfer:
                    return r
                target, values = r.trace, r.values

        trace.entry = entry

    def attach(self, exit_, side_trace):
        exit_.side_trace = side_trace

    def live_code_count(self) -> int:
        return 0
