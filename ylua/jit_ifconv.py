"""If-conversion while recording: a branch whose arms only compute numbers into registers becomes selects.

A tracing JIT sees one direction of each branch; the other grows a side trace. Numeric code is full of small
branches whose direction follows the data (`if k < 0 then k = k + m end`, `if n & 1 == 0 then n = n >> 1 else
n = 3 * n + 1 end`, wrap-around counters): each becomes a guard that fails about half the time, and a loop with a
few of them needs a side trace per combination of directions, more than a root trace may have. When both arms are
short and only compute ints or floats into registers from values the trace has already typed, the recorder
computes both arms from the bytecode and joins their results with int_select / float_select: the loop has no
branch left there. The interpreter still runs one arm; the recorder skips it (see LuaRecording.record) and goes
on at the join.

Only what cannot fail nor need a guard may be in an arm: moves, number constants, and int/float arithmetic that
has no error case (no integer division or modulo by a value that may be zero, no shift by a register). Whatever
else an arm holds leaves the branch to a guard, as before.
"""

from __future__ import annotations

from jit.ir import BOOL
from ylua import opcodes as op
from ylua.jit_values import TV, const_tv
from ylua.liveness import live_at

MAX_ARM = 8  # instructions per arm
INT_OPS = {"ADD": "int_add", "SUB": "int_sub", "MUL": "int_mul", "BAND": "int_and", "BOR": "int_or",
           "BXOR": "int_xor"}
FLOAT_OPS = {"ADD": "float_add", "SUB": "float_sub", "MUL": "float_mul", "DIV": "float_div"}
SELECT = {"int": "int_select", "float": "float_select"}
JMP, MOVE, LOADK, UNM = op.JMP, op.MOVE, op.LOADK, op.UNM


def arms(code, pc: int, d: int):
    """(fall-through arm, jump arm, join) of the branch at pc that jumps to d, as pc ranges, for a triangle
    (`if c then ... end`: the jump arm is empty) or a diamond (`if c then ... else ... end`); None otherwise."""
    if not pc + 1 < d <= pc + 1 + MAX_ARM + 1:
        return None
    last = code[d - 1]
    if last[0] == JMP and last[2] == 0 and d < last[1] <= d + MAX_ARM:  # a diamond: the then arm jumps over
        return (pc + 1, d - 1), (d, last[1]), last[1]
    return (pc + 1, d), (d, d), d


class ArmEvaluator:
    """Computes an arm's register writes as IR values, from the registers of the frame `vf` (TVs)."""

    def __init__(self, rec, vf, consts, load=None):
        self.rec = rec
        self.vf = vf
        self.consts = consts
        self.load = load  # loads a register the trace has not read yet (in the preamble), or None
        self.writes: dict[int, TV] = {}

    def reg(self, r) -> TV | None:
        tv = self.writes.get(r)
        return tv if tv is not None else self.before(r)

    def before(self, r) -> TV | None:
        """Register r's number before the branch, or None."""
        tv = self.vf.regs.get(r)
        if tv is None and self.load is not None:
            tv = self.load(r)
        return tv if tv is not None and tv.kind in ("int", "float") else None

    def operand(self, x) -> TV | None:
        if x < 0:
            tv = const_tv(self.consts[-1 - x])
            return tv if tv.kind in ("int", "float") else None
        return self.reg(x)

    def run(self, code, start: int, stop: int) -> dict | None:
        for pc in range(start, stop):
            if not self.step(code[pc]):
                return None
        return self.writes

    def step(self, ins) -> bool:
        o, a, b, c = ins[0], ins[1], ins[2], ins[3]
        name = op.NAMES[o]
        rec = self.rec
        if o == MOVE:
            tv = self.reg(b)
        elif o == LOADK:
            tv = const_tv(self.consts[b])
            tv = tv if tv.kind in ("int", "float") else None
        elif o == UNM:
            x = self.reg(b)
            tv = None if x is None else TV(rec.op("int_neg" if x.kind == "int" else "float_neg", x.v), x.kind)
        elif name in FLOAT_OPS or name in INT_OPS or name in ("SHL", "SHR"):
            tv = self.arith(name, self.operand(b), self.operand(c), c)
        else:
            return False
        if tv is None:
            return False
        self.writes[a] = tv
        return True

    def arith(self, name, x, y, c) -> TV | None:
        if x is None or y is None:
            return None
        rec = self.rec
        if x.kind == y.kind == "int":
            if name in INT_OPS:
                return TV(rec.op(INT_OPS[name], x.v, y.v), "int")
            if name in ("SHL", "SHR") and c < 0 and 0 <= y.v.value < 64:  # a constant count: no other case
                return TV(rec.op("int_shl" if name == "SHL" else "int_lshr", x.v, y.v), "int")
            if name == "DIV":
                x, y = TV(rec.op("int_to_float", x.v), "float"), TV(rec.op("int_to_float", y.v), "float")
            else:
                return None
        if name not in FLOAT_OPS:
            return None
        xf = x.v if x.kind == "float" else rec.op("int_to_float", x.v)
        yf = y.v if y.kind == "float" else rec.op("int_to_float", y.v)
        return TV(rec.op(FLOAT_OPS[name], xf, yf), "float")


def if_convert(recording, cond, fall_when_true: bool, pc: int, d: int):
    """Try to record the branch at pc (to d; the fall-through arm runs when `cond`, an i1, is `fall_when_true`)
    as selects. Returns the join pc, having set the registers the arms write, or None (nothing recorded)."""
    if getattr(cond, "type", None) != BOOL:
        return None
    vf = recording.vframes[-1]
    proto = vf.func.proto
    code = proto.code
    found = arms(code, pc, d)
    if found is None:
        return None
    (f0, f1), (j0, j1), join = found
    rec = recording.rec
    last = rec.ops[-1]  # the arms' ops come after it (loads of registers go before the label, before it)
    # a root recording loads the loop frame's registers in its preamble, where a guard on their type does not
    # depend on the branch; elsewhere (side traces, inlined frames) only registers the trace has already read
    root_load = vf is recording.root and not recording.side and recording.frame_input is not None
    load = recording.load_entry if root_load else None
    before = ArmEvaluator(rec, vf, proto.consts, load).before
    fall = ArmEvaluator(rec, vf, proto.consts, load).run(code, f0, f1)
    jump = ArmEvaluator(rec, vf, proto.consts, load).run(code, j0, j1) if fall is not None else None
    live = live_at(proto, join)
    selects = []
    if jump is not None:
        for r in sorted(set(fall) | set(jump)):
            if not live >> r & 1:
                continue
            t, e = fall.get(r) or before(r), jump.get(r) or before(r)
            if t is None or e is None or t.kind != e.kind or t.kind not in SELECT:
                selects = None
                break
            selects.append((r, t, e))
    if jump is None or selects is None:
        ops = rec.ops  # the arms' ops are dead: drop them rather than leave them to dce
        del ops[next(k for k in range(len(ops) - 1, -1, -1) if ops[k] is last) + 1:]
        return None
    for r, t, e in selects:
        if not fall_when_true:
            t, e = e, t
        recording.set(r, TV(rec.op(SELECT[t.kind], cond, t.v, e.v), t.kind))
    return join
