"""Names for values in error messages: PUC's getobjname/varinfo/funcnamefromcode, by symbolic execution."""

from __future__ import annotations

from ylua import opcodes as op

_MAX_ARG_C = 255  # PUC's GETI takes integer keys that fit in its C argument

# instructions that write registers: opcode -> function(a, b, c) giving (first, last) written
_WRITES = {
    op.LOADNIL: lambda a, b, c: (a, a + b),
    op.SELF: lambda a, b, c: (a, a + 1),
    op.TFORCALL: lambda a, b, c: (a + 4, a + 3 + b),
    op.FORPREP: lambda a, b, c: (a, a + 3),
    op.FORLOOP: lambda a, b, c: (a, a + 3),
}
_NO_WRITE = {
    op.SETTABUP, op.SETTABLE, op.SETFIELD, op.SETUPVAL, op.SETCELL, op.TEST, op.EQ, op.LT, op.LE, op.JMP,
    op.RETURN, op.TAILCALL, op.TBC, op.CLOSE, op.SETLIST, op.TFORPREP, op.TFORLOOP, op.LOOPHEAD,
}


def _writes(ins, reg) -> bool:
    o, a, b, c, _ = ins
    if o in _NO_WRITE:
        return False
    if o == op.CALL:
        return reg >= a
    if o == op.VARARG:
        return reg >= a
    w = _WRITES.get(o)
    if w is not None:
        first, last = w(a, b, c)
        return first <= reg <= last
    return reg == a


def find_set_reg(proto, lastpc: int, reg: int) -> int:
    """The pc of the last instruction before lastpc that surely wrote `reg`, or -1."""
    setreg = -1
    jmptarget = 0
    code = proto.code
    for p in range(lastpc):
        ins = code[p]
        o = ins[0]
        if o == op.JMP:
            target = ins[1]
            if p < target <= lastpc and target > jmptarget:
                jmptarget = target
            continue
        if o in (op.EQ, op.LT, op.LE, op.TEST):
            target = ins[4]
            if p < target <= lastpc and target > jmptarget:
                jmptarget = target
        if _writes(ins, reg):
            setreg = -1 if p < jmptarget else p
    return setreg


def _indexed_kind(proto, pc, reg):
    """'global' when the table indexed from register `reg` is _ENV, else 'field' (PUC's gxf)."""
    info = get_obj_name(proto, pc, reg)
    return "global" if info is not None and info[1] == "_ENV" else "field"


def _const_str(proto, x):
    if x < 0:
        v = proto.consts[-1 - x]
        if type(v) is bytes:
            return v.decode("latin-1")
    return "?"


def get_obj_name(proto, lastpc: int, reg: int):
    """(kind, name) describing register `reg` at `lastpc` ('local', 'global', 'field', 'method', 'upvalue',
    'constant'), or None."""
    name = proto.local_name(reg, lastpc)
    if name is not None:
        return ("local", name)
    pc = find_set_reg(proto, lastpc, reg)
    if pc < 0:
        return None
    o, a, b, c, _ = proto.code[pc]
    if o == op.MOVE:
        if b < a:
            return get_obj_name(proto, pc, b)
        return None
    if o == op.GETCELL:
        name = proto.local_name(b, pc)
        return ("local", name) if name else None
    if o == op.GETTABUP:
        key = proto.consts[c].decode("latin-1")
        upname = proto.upvals[b].name if b < len(proto.upvals) else "?"
        return ("global", key) if upname == "_ENV" else ("field", key)
    if o == op.GETFIELD:
        return _indexed_kind(proto, pc, b), proto.consts[c].decode("latin-1")
    if o == op.GETINDEX:
        k = proto.consts[-1 - c] if c < 0 else None
        if type(k) is int and 0 <= k <= _MAX_ARG_C:
            return ("field", "integer index")  # PUC's GETI
        return _indexed_kind(proto, pc, b), "?"
    if o == op.GETTABLE:
        key = get_obj_name(proto, pc, c)
        return _indexed_kind(proto, pc, b), key[1] if key and key[0] == "constant" else "?"
    if o == op.GETUPVAL:
        return ("upvalue", proto.upvals[b].name)
    if o == op.LOADK:
        v = proto.consts[b]
        if type(v) is bytes:
            return ("constant", v.decode("latin-1"))
        return None
    if o == op.SELF:
        return ("method", _const_str(proto, c))
    return None


def var_info(proto, pc: int, reg) -> str:
    """' (local 'x')' style suffix for an error about the value in register `reg`, or ''."""
    if reg is None:
        return ""
    info = get_obj_name(proto, pc, reg)
    if info is None:
        return ""
    return f" ({info[0]} '{info[1]}')"


def upvalue_info(proto, idx: int) -> str:
    if idx < len(proto.upvals):
        return f" (upvalue '{proto.upvals[idx].name}')"
    return ""


def operand_register(proto, pc: int, position):
    """The register of the instruction at pc that holds the operand numbered `position` (see OperandError)."""
    if position is None:
        return None
    o, a, b, c, _ = proto.code[pc]
    if o == op.CONCAT:
        return b + position
    if o in (op.CALL, op.TAILCALL, op.TFORCALL):
        return a
    if o in (op.SETTABLE, op.SETFIELD):
        return a if position == 0 else None
    if o in (op.GETTABLE, op.GETFIELD, op.GETINDEX, op.SELF, op.UNM, op.BNOT, op.LEN, op.NOT):
        return b if position == 0 else None
    if o in (op.GETTABUP, op.SETTABUP):
        return None
    x = b if position == 0 else c
    return x if x is not None and x >= 0 else None


def operand_info(proto, pc: int, position) -> str:
    o, a, b, c, _ = proto.code[pc]
    if position is not None and o == op.TFORCALL:
        kind, name = func_name_for_call(proto, pc)  # PUC's callerror names the called value as the function
        return f" ({kind} '{name}')"
    if position is not None and o == op.GETTABUP:
        return upvalue_info(proto, b)
    if position is not None and o == op.SETTABUP:
        return upvalue_info(proto, a)
    if position is not None and o in op.ARITH_OPS_CODES:
        x = b if position == 0 else c
        if x < 0:
            v = proto.consts[-1 - x]
            if type(v) is bytes:
                return f" (constant '{v.decode('latin-1')}')"
            return ""
    return var_info(proto, pc, operand_register(proto, pc, position))


def func_name_for_call(proto, pc: int):
    """(kind, name) of the function called by the instruction at pc, or None."""
    o, a, b, c, _ = proto.code[pc]
    if o in (op.CALL, op.TAILCALL):
        return get_obj_name(proto, pc, a)
    if o == op.TFORCALL:
        return ("for iterator", "for iterator")
    return None
