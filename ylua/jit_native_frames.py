"""The Lua frames of native levels: what tracebacks, error levels and debug.getinfo see below a call that a function
trace's exit resumes in the interpreter.

Native code keeps no frames. Each `call_trace` op records its call site in jit.native_calls (a number, given by the
CallSites registry here, naming the Lua functions and pcs of the frames the calling trace had at that call), so when
an exit rebuilds a call, the frames below it can be described: for each native level, stand-in frames with the right
function and pc (no registers), down to the interpreter frame that entered native code. They are made lazily, one
level at a time, when something walks that far.
"""

from __future__ import annotations

from ylua.frame import Frame, hang_below

_UNSET = object()


class CallSite:
    """A call_trace op's place: (function, pc) of each frame of the calling trace at the call, outermost first.
    `from_loop`: the caller is a loop trace, whose outermost frame is a real interpreter frame (not listed)."""

    __slots__ = ("frames", "from_loop")

    def __init__(self, frames, from_loop: bool):
        self.frames = frames
        self.from_loop = from_loop


class CallSites:
    """The registry of call sites (number 0 means: called from the interpreter)."""

    def __init__(self):
        self.sites: list = [None]
        self.numbers: dict = {}

    def number(self, frames, from_loop: bool) -> int:
        key = (tuple((id(f), pc) for f, pc in frames), from_loop)
        n = self.numbers.get(key)
        if n is None:
            n = self.numbers[key] = len(self.sites)
            self.sites.append(CallSite(tuple(frames), from_loop))
        return n

    def callers(self, levels: list[int], level: int, base):
        """The innermost frame of the native level that called native level `level` (from the copied site numbers
        `levels`), or `base` (the interpreter frame below all native levels) when the interpreter called it."""
        n = levels[level] if level < len(levels) else 0
        if n == 0:
            return base
        site = self.sites[n]
        parent = base if site.from_loop else _UNSET
        f = None
        for func, pc in site.frames:
            f = NativeLevelFrame(func, pc, parent)
            if parent is _UNSET:
                f.below = (self, levels, level - 1, base)
            parent = f
        return f


class NativeLevelFrame(Frame):
    """A stand-in for a frame that a native level keeps virtual: its function and pc (for positions and names),
    no register values. The outermost one of a level finds its parent (the level below) when it is first asked."""

    __slots__ = ("below",)

    def __init__(self, func, pc, parent):
        super().__init__(func, [None] * func.proto.max_stack, None, None, 0, 0)
        if parent is not _UNSET:
            hang_below(self, parent)
        self.pc = pc
        self.below = None

    def __getattribute__(self, name):
        if name == "parent":
            below = object.__getattribute__(self, "below")
            if below is not None:
                sites, levels, level, base = below
                self.below = None
                hang_below(self, sites.callers(levels, level, base))
        return object.__getattribute__(self, name)
