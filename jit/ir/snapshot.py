"""Snapshots: the interpreter state a guard (or raising op, or finish) resumes at.

A snapshot lists the language's frames, outermost first. Each `SnapFrame` holds an opaque frame descriptor supplied
by the language (e.g. the function being run), the pc to resume at, and a list of values whose meaning the language
defines (e.g. the frame object, or a register list). `writes` are pending stores into register files
(list, index, value) that the optimiser sank out of the trace: resuming performs them before rebuilding frames.

Values of type i/f/b are boxed on the way out (Python int / float / bool).
"""

from __future__ import annotations

from jit.ir.values import Const


class SnapFrame:
    __slots__ = ("desc", "pc", "values")

    def __init__(self, desc, pc: int, values):
        self.desc = desc
        self.pc = pc
        self.values = list(values)


class Snapshot:
    __slots__ = ("frames", "writes", "_ids")

    def __init__(self, frames, writes=()):
        self.frames = list(frames)
        self.writes = [tuple(w) for w in writes]
        self._ids = None

    def value_ids(self) -> set:
        """The ids of the values, constants included (computed once: a snapshot does not change once its trace is
        built; the passes make changed copies with renamed()). Do not modify the set."""
        ids = self._ids
        if ids is None:
            ids = self._ids = {id(v) for fr in self.frames for v in fr.values}
            for target, _index, value in self.writes:
                ids.add(id(target))
                ids.add(id(value))
        return ids

    def all_values(self):
        """Every value referenced, in a fixed order (duplicates and constants included)."""
        for fr in self.frames:
            yield from fr.values
        for target, _index, value in self.writes:
            yield target
            yield value

    def live_values(self) -> list:
        """The non-constant values, each once, in order of first reference: the layout of a trace exit."""
        seen = set()
        out = []
        for fr in self.frames:
            for v in fr.values:
                if type(v) is not Const and id(v) not in seen:
                    seen.add(id(v))
                    out.append(v)
        for target, _index, value in self.writes:
            for v in (target, value):
                if type(v) is not Const and id(v) not in seen:
                    seen.add(id(v))
                    out.append(v)
        return out

    def renamed(self, subst: dict) -> Snapshot:
        """A copy with every value v replaced by subst.get(id(v), v); frames with no such value are shared, and so
        is the list of writes when none of them changes (a snapshot in a long trace can carry a hundred writes,
        and every pass renames every snapshot after its first substitution)."""
        keys = subst.keys()
        get = subst.get
        frames = [fr if keys.isdisjoint(map(id, fr.values)) else
                  SnapFrame(fr.desc, fr.pc, [get(id(v), v) for v in fr.values]) for fr in self.frames]
        writes = self.writes
        if writes and not keys.isdisjoint([id(x) for w in writes for x in (w[0], w[2])]):
            writes = [(get(id(t), t), i, get(id(v), v)) for t, i, v in writes]
        copy = Snapshot.__new__(Snapshot)
        copy.frames, copy.writes, copy._ids = frames, writes, None
        return copy

    def map_values(self, fn) -> Snapshot:
        """A copy with every value replaced by fn(value)."""
        return Snapshot(
            [SnapFrame(fr.desc, fr.pc, [fn(v) for v in fr.values]) for fr in self.frames],
            [(fn(t), i, fn(v)) for t, i, v in self.writes],
        )
