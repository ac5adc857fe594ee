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


def decode(exit_, result) -> tuple[list[ResumeFrame], BaseException | None]:
    boxed = {id(v): result[1 + k] for k, v in enumerate(exit_.live)}

    def get(v):
        return v.value if v.is_const() else boxed[id(v)]

    snap = exit_.snapshot
    for target, index, value in snap.writes:
        get(target)[index] = get(value)
    frames = [ResumeFrame(fr.desc, fr.pc, [get(v) for v in fr.values]) for fr in snap.frames]
    exc = result[-1] if exit_.kind == RAISE else None
    return frames, exc
