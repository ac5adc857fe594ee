"""Register stores that a jump into a loop makes dead: after its last exit, a trace ending in jump_loop need not
store a register that the target loop never reads and that every exit of the loop writes (its snapshots carry it),
nor box the value for it (dce removes the box). A side trace returning to its loop then hands its registers over in
machine registers only."""

from __future__ import annotations

from jit.ir.loop_entry import overwritten_at_exits


def entry_stores(ir):
    jump = ir.ops[-1]
    if jump.opdef.name != "jump_loop":
        return ir
    target = jump.args[0].value
    dead_at = overwritten_at_exits(target.ir, target.loop_entry)
    if not dead_at:
        return ir
    args = jump.args[1:]
    dead = set()
    for op in reversed(ir.ops[:-1]):
        if op.snapshot is not None or op.opdef.name == "label" or op.opdef.calls_out:
            break
        if op.opdef.name in ("setreg", "setreg_int", "setreg_float") and op.args[1].is_const():
            regs, index = op.args[0], op.args[1].value
            if any(a is regs and (k, index) in dead_at for k, a in enumerate(args)):
                dead.add(id(op))
    if not dead:
        return ir
    return ir.with_ops([op for op in ir.ops if id(op) not in dead])
