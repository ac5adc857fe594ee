"""Text -> TraceIR (the format written by printer.py); used by tests and optimiser unit tests."""

from __future__ import annotations

import re

from jit.ir.names import ConstNames
from jit.ir.opdefs import OPDEFS
from jit.ir.ops import Op
from jit.ir.snapshot import SnapFrame, Snapshot
from jit.ir.trace_ir import TraceIR
from jit.ir.values import BOOL, FLOAT, INT, VALUE_TYPES, VOID, Const, Input, const_obj

_HEADER = re.compile(r"trace\s+(\d+)\s+(\w+)\s+loc=(.*)$")
_INPUTS = re.compile(r"inputs\((.*)\)$")
_OP = re.compile(r"(?:(?P<res>[a-z]\d+)\s*=\s*)?(?P<name>\w+)\((?P<args>[^)]*)\)(?:\s*\{(?P<snap>[^}]*)\})?"
                 r"(?:\s+@\s+(?P<pos>.*))?$")
_FRAME = re.compile(r"\$(\w+)@(-?\d+):?(.*)$")
_WRITE = re.compile(r"(.+)\[(\d+)\]=(.+)$")
_FLOAT = re.compile(r"-?(\d+\.\d*(e[+-]?\d+)?|\d+e[+-]?\d+|inf|nan)$")


class ParseError(Exception):
    pass


class _Parser:
    def __init__(self, names: ConstNames):
        self.names = names
        self.env: dict[str, object] = {}

    def value(self, tok: str):
        tok = tok.strip()
        if tok.startswith("$"):
            return const_obj(self.names.lookup(tok[1:]))
        if tok in ("true", "false"):
            return Const(BOOL, tok == "true")
        if re.fullmatch(r"-?\d+", tok):
            return Const(INT, int(tok))
        if _FLOAT.fullmatch(tok):
            return Const(FLOAT, float(tok))
        try:
            return self.env[tok]
        except KeyError:
            raise ParseError(f"undefined value {tok}") from None

    def values(self, text: str) -> list:
        text = text.strip()
        return [self.value(t) for t in text.split(",")] if text else []

    def snapshot(self, text: str) -> Snapshot:
        frames_text, _, writes_text = text.partition("|")
        frames = []
        for ftext in frames_text.split(";"):
            m = _FRAME.match(ftext.strip())
            if not m:
                raise ParseError(f"bad snapshot frame {ftext!r}")
            frames.append(SnapFrame(self.names.lookup(m.group(1)), int(m.group(2)), self.values(m.group(3))))
        writes = []
        for wtext in filter(None, (w.strip() for w in writes_text.split(","))):
            m = _WRITE.match(wtext)
            if not m:
                raise ParseError(f"bad snapshot write {wtext!r}")
            writes.append((self.value(m.group(1)), int(m.group(2)), self.value(m.group(3))))
        return Snapshot(frames, writes)

    def define(self, name: str, value):
        if name in self.env:
            raise ParseError(f"{name} defined twice")
        if name[0] != value.type:
            raise ParseError(f"{name}: the name's type letter does not match the type {value.type}")
        self.env[name] = value

    def op(self, line: str) -> Op:
        m = _OP.match(line)
        if not m:
            raise ParseError(f"cannot parse {line!r}")
        name = m.group("name")
        opdef = OPDEFS.get(name)
        if opdef is None:
            raise ParseError(f"unknown op {name}")
        snap = self.snapshot(m.group("snap")) if m.group("snap") is not None else None
        op = Op(opdef, self.values(m.group("args")), m.group("pos"), snap)
        res = m.group("res")
        if (res is None) != (opdef.result == VOID):
            raise ParseError(f"{name}: result name {'missing' if res is None else 'not allowed'}")
        if res is not None:
            self.define(res, op)
        return op

    def trace(self, text: str) -> TraceIR:
        lines = [ln.strip() for ln in text.splitlines()]
        lines = [ln for ln in lines if ln and not ln.startswith("#")]
        trid, kind, loc = 0, "root", "?"
        if lines and (m := _HEADER.match(lines[0])):
            trid, kind, loc = int(m.group(1)), m.group(2), m.group(3).strip()
            lines = lines[1:]
        inputs = []
        if lines and (m := _INPUTS.match(lines[0])):
            for i, tok in enumerate(filter(None, (t.strip() for t in m.group(1).split(",")))):
                if tok[0] not in VALUE_TYPES:
                    raise ParseError(f"bad input name {tok}")
                inp = Input(tok[0], i)
                self.define(tok, inp)
                inputs.append(inp)
            lines = lines[1:]
        ops = [self.op(ln) for ln in lines]
        return TraceIR(trid, inputs, ops, kind, loc)


def parse_trace(text: str, consts: dict | None = None) -> TraceIR:
    """Parse textual IR; `consts` names the object constants ($name) beyond the builtin ones."""
    return _Parser(ConstNames(consts)).trace(text)
