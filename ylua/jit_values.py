"""What a Lua recording knows about values, and how its snapshots describe frames (shared by jit_record.py, which
keeps the state, jit_record_ops.py, which records each instruction, and jit_driver.py, which rebuilds frames)."""

from __future__ import annotations

from jit.ir import BOOL, FLOAT, INT, OBJ, const_obj, const_of
from ylua.frame import Frame, hang_below
from ylua.table import LuaTable
from ylua.values import Builtin, Cell, LuaFunction
from ylua.vm import place_results, protect

# Lua kind of a Python value, and the kind an SSA value of a machine type has
KIND_OF_TYPE = {int: "int", float: "float", bool: "bool", type(None): "nil", bytes: "str", LuaTable: "table",
                LuaFunction: "lfunc", Builtin: "builtin", Cell: "cell"}
KIND_OF_MACHINE_TYPE = {INT: "int", FLOAT: "float", BOOL: "bool", OBJ: "any"}


class TV:
    """A register's value in the trace: an SSA value `v` and what the trace knows of its Lua kind (`any` when it
    has not been checked yet; int and float values are unboxed machine values)."""

    __slots__ = ("v", "kind")

    def __init__(self, v, kind: str):
        self.v = v
        self.kind = kind

    def __repr__(self):
        return f"TV({self.v!r}, {self.kind})"


NIL = TV(const_obj(None), "nil")


def const_tv(value) -> TV:
    kind = KIND_OF_TYPE.get(type(value), "obj")
    if kind in ("int", "float"):
        return TV(const_of(value), kind)
    return TV(const_obj(value), kind)


class MultipleResults:
    """What a function trace returns when its call returned other than exactly one value (see jit_calls.py). It
    never reaches Lua code: whoever receives it spreads the values (the VM, or a deopt through `spread`)."""

    __slots__ = ("values",)

    def __init__(self, values):
        self.values = tuple(values)


NO_RESULTS = MultipleResults(())


def result_of(vals):
    """What a function trace returns for a call that returned `vals`."""
    return vals[0] if len(vals) == 1 else MultipleResults(vals)


def results(res):
    """The values a function trace's result `res` stands for."""
    return res.values if type(res) is MultipleResults else (res,)


def rebuild_frames(rt, parent, resume_frames) -> list:
    """Interpreter frames for the frames an exit describes (jit.resume.ResumeFrame objects with InlinedFrame
    descriptors, outermost first; `parent` called the first one). A frame that pcall called becomes an in-VM
    pcall's frame again (vm.protect)."""
    built = []
    for rf in resume_frames:
        d = rf.desc
        func, values = frame_closure(d, rf.values)
        regs, varargs = split_varargs(values, d.nvarargs)
        if d.protected:
            frame = Frame(func, regs, varargs, None, d.ret_a, d.ret_c)
            protect(rt, frame, rt.pcall_builtin, parent)
        else:
            frame = Frame(func, regs, varargs, None, d.ret_a, d.ret_c)
            hang_below(frame, parent)
        frame.pc = rf.pc
        built.append(frame)
        parent = frame
    return built


def frame_closure(desc, values: list):
    """(the closure, the other values) of an inlined frame's snapshot values."""
    if desc.dynamic:
        return values[-1], values[:-1]
    return desc.func, values


def split_varargs(values: list, n: int):
    """(registers, varargs or None) of an inlined frame's snapshot values."""
    if not n:
        return values, None
    return values[:-n], values[-n:]


def resume_top(desc, regs, exc):
    """The `top` that the innermost frame of an exit resumes with (descriptor `desc`, registers `regs`): the exit's
    own, or the one that spreading a native call's results gives (see spread_results). None when it has none."""
    if exc is None and desc.spread is not None:
        return spread_results(regs, desc.spread, desc.top)
    return desc.top


def spread_results(regs, spread, top):
    """Resume after a call whose result register holds a function trace's result (a guard found other than it
    expected there): put the values in the registers the call site wants (spread = (register, results wanted + 1, or
    0 for all)); returns the new top."""
    a, c = spread
    v = regs[a]
    return place_results(regs, a, c, v.values if type(v) is MultipleResults else (v,), top)


class InlinedFrame:
    """Snapshot descriptor of a Lua frame that the trace inlined: enough to rebuild its Frame at a deopt. The
    snapshot's values are the frame's registers followed by its `nvarargs` extra arguments (a vararg function's),
    and, when the trace checked only the callee's prototype (`dynamic`), by the closure itself: `func` is then just
    one closure of that prototype. `spread`: see spread_results. `protected`: pcall called the frame's function
    (the trace inlined that pcall)."""

    __slots__ = ("func", "ret_a", "ret_c", "top", "spread", "nvarargs", "dynamic", "protected")

    def __init__(self, func, ret_a, ret_c, top=None, spread=None, nvarargs=0, dynamic=False, protected=False):
        self.func = func
        self.ret_a = ret_a
        self.ret_c = ret_c
        self.top = top
        self.spread = spread
        self.nvarargs = nvarargs
        self.dynamic = dynamic
        self.protected = protected

    def __repr__(self):
        p = self.func.proto
        return f"<inlined {p.name or '?'} {p.source}:{p.line}>"


class RootFrame:
    """Snapshot descriptor of the trace's entry frame (its registers live in the real Frame); `top` is set when the
    exit lies between an instruction that produced a variable number of values and the one consuming them."""

    __slots__ = ("top", "spread")

    def __init__(self, top=None, spread=None):
        self.top = top
        self.spread = spread

    def __repr__(self):
        return "<root>" if self.top is None else f"<root top={self.top}>"


ROOT = RootFrame()
