"""TraceIR -> text. The format (parsed back by parser.py):

    trace 3 root loc=toy:4
    inputs(o0)
    label(o0) @ toy:4
    o1 = getslot(o0, 16) @ toy:4
    guard_type(o2, $float) {$main@4: o0 ; $callee@2: o5 | o1[3]=f7} @ toy:5
    jump(o0)

Values are named by their type letter and a running number; constants print as 12, 1.5, true, or $name for objects
(unknown objects get $k0, $k1, ... listed in trailing `# $k0 = ...` comments). A snapshot lists frames outermost
first as `$desc@pc: values`, then pending register writes after `|`.
"""

from __future__ import annotations

from jit.ir.names import ConstNames
from jit.ir.values import BOOL, FLOAT, INT, OBJ, VOID


class Printer:
    def __init__(self, names: ConstNames | None = None):
        self.names = names or ConstNames()
        self.vnames: dict[int, str] = {}

    def value(self, v) -> str:
        if v.is_const():
            return self.const(v)
        name = self.vnames.get(id(v))
        return name if name is not None else f"?{v.type}"

    def const(self, c) -> str:
        if c.type == INT:
            return str(c.value)
        if c.type == FLOAT:
            return repr(float(c.value))
        if c.type == BOOL:
            return "true" if c.value else "false"
        assert c.type == OBJ
        return "$" + self.names.name_of(c.value)

    def define(self, v) -> str:
        name = f"{v.type}{len(self.vnames)}"
        self.vnames[id(v)] = name
        return name

    def snapshot(self, snap) -> str:
        frames = []
        for fr in snap.frames:
            vals = ", ".join(self.value(v) for v in fr.values)
            frames.append(f"${self.names.name_of(fr.desc)}@{fr.pc}:" + (f" {vals}" if vals else ""))
        text = " ; ".join(frames)
        if snap.writes:
            writes = ", ".join(f"{self.value(t)}[{i}]={self.value(v)}" for t, i, v in snap.writes)
            text += f" | {writes}"
        return "{" + text + "}"

    def op(self, op) -> str:
        args = ", ".join(self.value(a) for a in op.args)
        text = f"{op.opdef.name}({args})"
        if op.type != VOID:
            text = f"{self.define(op)} = {text}"
        if op.snapshot is not None:
            text += " " + self.snapshot(op.snapshot)
        if op.pos:
            text += f" @ {op.pos}"
        return text

    def trace(self, ir) -> str:
        lines = [f"trace {ir.trid} {ir.kind} loc={ir.loc}"]
        lines.append("inputs(" + ", ".join(self.define(v) for v in ir.inputs) + ")")
        lines.extend(self.op(op) for op in ir.ops)
        lines.extend(f"# ${name} = {obj!r}" for name, obj in self.names.fresh)
        return "\n".join(lines) + "\n"


def format_trace(ir, names: ConstNames | None = None) -> str:
    return Printer(names).trace(ir)
