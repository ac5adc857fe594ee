"""Interpreter frames: plain objects that the JIT can read and rebuild when a trace exits."""

from __future__ import annotations


class Frame:
    """One Lua function activation.

    regs     the registers (a list of max_stack values; captured locals hold a Cell)
    pc       the current instruction while the frame is suspended in a call (the dispatch loop keeps the
             running frame's pc in a local)
    varargs  the extra arguments of a vararg function (a list)
    parent   the calling frame in the same activation of the dispatch loop, or None for the activation's entry
    ret_a, ret_c  where the caller wants the results: registers ret_a... and ret_c - 1 values (0 = all)
    tbc      registers holding to-be-closed variables, innermost last (None when there are none)
    """

    __slots__ = ("__weakref__", "func", "outer", "parent", "pc", "regs", "ret_a", "ret_c", "tbc", "varargs")

    def __init__(self, func, regs, varargs, parent, ret_a, ret_c):
        self.func = func
        self.regs = regs
        self.pc = 0
        self.varargs = varargs
        self.parent = parent
        self.ret_a = ret_a
        self.ret_c = ret_c
        self.tbc = None
        self.outer = None  # for an activation's entry frame: the frame running in the enclosing activation

    @property
    def proto(self):
        return self.func.proto

    def current_line(self) -> int:
        lines = self.func.proto.lines
        return lines[self.pc] if 0 <= self.pc < len(lines) else self.func.proto.line


def hang_below(frame: Frame, base):
    """Make `base` what `frame` was called from (a rebuilt or stand-in frame whose caller ran in another activation):
    its parent, or, when `base` is a built-in's level (a callback that a function trace ran natively for it, see
    Interp.call), the frame enters an activation of its own below that level, as the interpreter runs callbacks:
    no parent, `base` outer."""
    if type(base) is CFrame:
        frame.parent, frame.outer = None, base
    else:
        frame.parent = base


class CFrame:
    """A built-in function's level in the chain of running frames (it has no registers)."""

    __slots__ = ("func", "outer", "parent")

    def __init__(self, func, outer):
        self.func = func
        self.outer = outer
        self.parent = None
