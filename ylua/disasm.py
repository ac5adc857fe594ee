"""A `luac -l`-style listing of compiled prototypes."""

from __future__ import annotations

from ylua import opcodes as op


def _operand(proto, kind: str, x: int) -> str:
    if kind == "X" and x < 0:
        return f"K{-1 - x}"
    return str(x)


def _comment(proto, ins) -> str:
    o, a, b, c, d = ins
    fmt = op.FORMATS[op.NAMES[o]]
    notes = []
    for kind, x in zip(fmt, (a, b, c, d)):
        if kind == "K":
            notes.append(_show(proto.consts[x]))
        elif kind == "X" and x < 0:
            notes.append(_show(proto.consts[-1 - x]))
        elif kind == "U" and x < len(proto.upvals):
            notes.append(proto.upvals[x].name)
        elif kind == "J":
            notes.append(f"to {x + 1}")
    return ("\t; " + " ".join(notes)) if notes else ""


def _show(v) -> str:
    if type(v) is bytes:
        return '"' + v.decode("latin-1") + '"'
    if v is None:
        return "nil"
    if type(v) is bool:
        return "true" if v else "false"
    return repr(v)


def listing(proto, nested=True) -> str:
    lines = []
    kind = "main" if proto.name == "main chunk" else "function"
    lines.append(
        f"\n{kind} <{proto.source}:{proto.line},{proto.end_line}> ({len(proto.code)} instructions)"
    )
    lines.append(
        f"{proto.num_params}{'+' if proto.is_vararg else ''} params, {proto.max_stack} slots, "
        f"{len(proto.upvals)} upvalues, {len(proto.locvars)} locals, {len(proto.consts)} constants, "
        f"{len(proto.protos)} functions"
    )
    for pc, ins in enumerate(proto.code):
        name = op.NAMES[ins[0]]
        fmt = op.FORMATS[name]
        operands = " ".join(_operand(proto, k, x) for k, x in zip(fmt, ins[1:]) if k != "-")
        lines.append(f"\t{pc + 1}\t[{proto.lines[pc]}]\t{name:<10}\t{operands}{_comment(proto, ins)}")
    text = "\n".join(lines) + "\n"
    if nested:
        for sub in proto.protos:
            text += listing(sub)
    return text
