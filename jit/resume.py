"""Deoptimisation: turn an exit tuple back into interpreter state.

The compiled code returns (exit, *boxed live values, [exception]) - see trace.py. decode() maps the exit's snapshot
onto those values: it performs the register writes the optimiser sank into the snapshot, and returns one ResumeFrame
per frame (outermost first) for the language to rebuild; the innermost frame's pc is where interpretation resumes.
"""

from __future__ import annotations

from jit.trace import RAISE


class ResumeFrame:
    """A frame to rebuild: the language's descriptor, the pc to resume at and the (boxed) values it recorded."""

    __slots__ = ("desc", "pc", "values")

    def __init__(self, desc, pc: int, values: list):
        self.desc = desc
        self.pc = pc
        self.values = values

    def __repr__(self):
        return f"ResumeFrame({self.desc!r}, pc={self.pc}, {self.values!r})"


def _plan(exit_):
    """How to read each snapshot value from an exit tuple: an int is a position in the tuple, anything else a
    constant (wrapped in a 1-tuple). Computed once per exit."""
    pos = {id(v): 1 + k for k, v in enumerate(exit_.live)}

    def src(v):
        return (v.value,) if v.is_const() else pos[id(v)]

    snap = exit_.snapshot
    writes = [(src(t), i, src(v)) for t, i, v in snap.writes]
    frames = [(fr.desc, fr.pc, [src(v) for v in fr.values]) for fr in snap.frames]
    return writes, frames


def decode(exit_, result) -> tuple[list[ResumeFrame], BaseException | None]:
    plan = exit_.plan
    if plan is None:
        plan = exit_.plan = _plan(exit_)
    writes, frames = plan
    for t, index, v in writes:
        target = t[0] if type(t) is tuple else result[t]
        target[index] = v[0] if type(v) is tuple else result[v]
    out = [ResumeFrame(desc, pc, [v[0] if type(v) is tuple else result[v] for v in values])
           for desc, pc, values in frames]
    exc = result[-1] if exit_.kind == RAISE else None
    return out, exc
