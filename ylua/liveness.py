"""Which registers of a Lua function may still be read, at each instruction (cf. LuaJIT's snapshot use-def analysis):
a backward dataflow over the bytecode. The JIT leaves the registers that are dead where an exit resumes out of the
exit's snapshot, so the exit neither boxes nor writes them back, and a loop does not carry them.

The analysis errs towards live: an instruction whose operands reach up to the stack top (b = 0) uses every register
from its first one on; a loop instruction defines only the control variable (the loop skipped or left, that
register is dead); and a register that holds a named local in scope is live wherever the local is (debug.getlocal
may read it). A call kills every register from its base up: the compiler puts a call's function and arguments in the
first free registers, so nothing above its results is read before it is written again (the results of a call that
returns all of them are read only up to the top it sets).
"""

from __future__ import annotations

from ylua import opcodes as op

_BINARY = {op.NAMES.index(n) for n in op.ARITH_OPS}
_UNARY = {op.MOVE, op.GETCELL, op.UNM, op.BNOT, op.NOT, op.LEN}


def _regs(first: int, last: int) -> int:
    """The mask of registers first..last (empty when last < first)."""
    return ((1 << (last - first + 1)) - 1) << first if last >= first else 0


def _x(x: int) -> int:
    """The mask of an X operand: its register, or nothing for a constant."""
    return 1 << x if x >= 0 else 0


def use_def(proto, ins) -> tuple[int, int]:
    """(registers the instruction reads, registers it certainly writes), as masks."""
    o, a, b, c = ins[0], ins[1], ins[2], ins[3]
    everything_from = _regs(a, max(proto.max_stack, a + 1) - 1)
    if o in _UNARY:
        return 1 << b, 1 << a
    if o in _BINARY:
        return _x(b) | _x(c), 1 << a
    if o in (op.LOADK, op.GETUPVAL, op.GETTABUP, op.NEWTABLE):
        return 0, 1 << a
    if o == op.LOADNIL:
        return 0, _regs(a, a + b)
    if o in (op.SETUPVAL, op.TBC):
        return 1 << a, 0
    if o == op.NEWCELL:
        return 1 << a, 1 << a
    if o == op.SETCELL:
        return (1 << a) | _x(b), 0
    if o == op.SETTABUP:
        return _x(c), 0
    if o == op.GETTABLE:
        return (1 << b) | (1 << c), 1 << a
    if o == op.GETFIELD:
        return 1 << b, 1 << a
    if o == op.GETINDEX:
        return (1 << b) | _x(c), 1 << a
    if o == op.SETTABLE:
        return (1 << a) | _x(b) | _x(c), 0
    if o == op.SETFIELD:
        return (1 << a) | _x(c), 0
    if o == op.SELF:
        return (1 << b) | _x(c), _regs(a, a + 1)
    if o == op.CONCAT:
        return _regs(b, c), 1 << a
    if o == op.JMP:
        return (_regs(b - 1, max(proto.max_stack, b) - 1) if b > 0 else 0), 0
    if o in (op.EQ, op.LT, op.LE):
        return _x(b) | _x(c), 0
    if o == op.TEST:
        return 1 << a, 0
    if o == op.CALL:  # the call's base is the first free register: after it, nothing above its results is read
        return (everything_from if b == 0 else _regs(a, a + b - 1)), everything_from
    if o == op.TAILCALL:
        return (everything_from if b == 0 else _regs(a, a + b - 1)), 0
    if o == op.RETURN:
        return (everything_from if b == 0 else _regs(a, a + b - 2)), 0
    if o in (op.FORPREP, op.FORLOOP):  # the control variable is written on the way into the body (and dead past it)
        return _regs(a, a + 2), 1 << (a + 3)
    if o == op.TFORPREP:
        return 1 << (a + 3), 0
    if o == op.TFORCALL:
        return _regs(a, a + 2), _regs(a + 4, max(proto.max_stack, a + 5) - 1)
    if o == op.TFORLOOP:
        return 1 << (a + 4), 0
    if o == op.SETLIST:
        return (everything_from if b == 0 else _regs(a, a + b)), 0
    if o == op.CLOSURE:
        sub = proto.protos[b]
        uses = 0
        for u in sub.upvals:
            if u.in_stack:
                uses |= 1 << u.index
        return uses, 1 << a
    if o == op.VARARG:
        return 0, (_regs(a, a + b - 2) if b > 0 else everything_from)
    if o == op.CLOSE:
        return everything_from, 0
    if o == op.LOOPHEAD:
        return 0, 0
    return _regs(0, max(proto.max_stack, a + 1) - 1), 0  # an instruction this table does not know: all live


def successors(ins, pc: int, n: int) -> tuple[int, ...]:
    o = ins[0]
    if o == op.JMP:
        return (ins[1],)
    if o in (op.RETURN, op.TAILCALL):
        return ()
    if o in (op.EQ, op.LT, op.LE, op.TEST):
        return (pc + 1, ins[4])
    if o == op.TFORPREP:
        return (ins[2],)
    if o in (op.FORPREP, op.FORLOOP, op.TFORLOOP):  # into the body (or past the loop), or on
        return (pc + 1, ins[2])
    return (pc + 1,) if pc + 1 < n else ()


def compute(proto) -> list[int]:
    """The mask of registers live on entry to each instruction of `proto`."""
    code = proto.code
    n = len(code)
    uds = [use_def(proto, ins) for ins in code]
    succs = [successors(ins, pc, n) for pc, ins in enumerate(code)]
    live = [0] * n
    changed = True
    while changed:  # to a fixed point; backward order converges in a few passes
        changed = False
        for pc in range(n - 1, -1, -1):
            out = 0
            for s in succs[pc]:
                if s < n:
                    out |= live[s]
            uses, defs = uds[pc]
            new = uses | (out & ~defs)
            if new != live[pc]:
                live[pc] = new
                changed = True
    for lv in proto.locvars:  # named locals in scope stay visible to debug.getlocal
        bit = 1 << lv.reg
        for pc in range(max(lv.start_pc, 0), min(lv.end_pc, n)):
            live[pc] |= bit
    return live


def live_at(proto, pc: int) -> int:
    """The mask of registers live when the interpreter resumes at `pc` (computed once per function)."""
    live = proto.liveness
    if live is None:
        live = proto.liveness = compute(proto)
    return live[pc] if 0 <= pc < len(live) else -1


def loop_writes(proto, pc: int) -> int:
    """The mask of registers that an iteration of the loop at loop instruction `pc` (FORLOOP, TFORLOOP or LOOPHEAD)
    may write, counted generously: every destination of every instruction of its body, the loop's own control
    registers, and for a LOOPHEAD loop everything up to the last jump back to it."""
    code = proto.code
    n = len(code)
    ins = code[pc]
    if ins[0] == op.LOOPHEAD:
        first = pc
        last = max((q for q in range(pc, n) if pc in successors(code[q], q, n)), default=n - 1)
    else:  # FORLOOP / TFORLOOP: the body runs from where it jumps back to, up to the loop instruction
        first, last = min(ins[2], pc), pc
    mask = 0
    for q in range(first, last + 1):
        i = code[q]
        o, a = i[0], i[1]
        mask |= use_def(proto, i)[1]
        if o in (op.FORPREP, op.FORLOOP):  # the index, the count (a float loop's limit) and the control variable
            mask |= (1 << a) | (1 << (a + 1)) | (1 << (a + 3))
        elif o in (op.TFORPREP, op.TFORLOOP):
            mask |= _regs(a, a + 4)
        elif o not in _NO_DESTINATION:
            mask |= 1 << a
    return mask


_NO_DESTINATION = {op.SETUPVAL, op.SETCELL, op.SETTABUP, op.SETTABLE, op.SETFIELD, op.JMP, op.EQ, op.LT, op.LE,
                   op.TEST, op.TAILCALL, op.RETURN, op.SETLIST, op.TBC, op.CLOSE, op.LOOPHEAD}
