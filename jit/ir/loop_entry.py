"""Entering a loop trace past its preamble (PyPy's bridges jumping to a loop's label).

A trace that ends by jumping into loop trace T (jump_trace) makes T run its preamble again: reload the interpreter
state that the jumping trace has just written back, guard its types, unbox it, recompute T's invariants. Instead,
the jumping trace can run a copy of T's preamble itself, where the optimiser sees through most of it (the loads read
what the trace stored, the guards check what it knows), and then jump straight to T's loop with `jump_loop`, passing
every value that T's loop uses from before its label (its entry values):

    T's label arguments, by position (their values before the first iteration), then
    T's invariants: values defined before the label (inputs and preamble results) that ops or snapshots after the
    label use, in order of first use.

Running T's own preamble ops is what entering T does anyway, so the jump means the same as jump_trace by
construction; the backend gives T a second way in that receives the entry values (jit/backend/llvm/emit.py).
The optimiser keeps the version only when no exit of the copied preamble survives (jit/opt/__init__.py): such a
guard, failing, would resume at T's loop start, from where a side trace would jump into T's loop through the same
failing guard, and so on.
"""

from __future__ import annotations

from jit.ir.ops import Op, make_op


def loop_entry_values(ir) -> list | None:
    """The values a jump_loop into `ir`'s loop passes (see above), or None when the trace does not loop (a trace
    that leaves its loop body for another trace has had its whole body hoisted before the label)."""
    label = ir.label_index()
    if label is None or ir.ops[-1].opdef.name != "jump":
        return None
    args = ir.ops[label].args
    before = {id(v) for v in ir.inputs} | {id(op) for op in ir.ops[:label]}
    skip = {id(a) for a in args}  # after the label, label arguments mean the loop-carried values
    invariants: dict[int, object] = {}
    for op in ir.ops[label + 1:]:
        refs = list(op.args)
        if op.snapshot is not None:
            refs.extend(op.snapshot.all_values())
        for v in refs:
            if not v.is_const() and id(v) in before and id(v) not in skip and id(v) not in invariants:
                invariants[id(v)] = v
    return list(args) + list(invariants.values())


def copy_ops(ops, subst: dict) -> list:
    """Fresh copies of `ops` (the passes rewrite the ops they are given), their arguments and snapshots renamed
    through `subst` (old value id -> new value), which the copies' own results are added to."""
    out = []
    for op in ops:
        snap = op.snapshot.renamed(subst) if op.snapshot is not None else None
        copy = Op(op.opdef, [subst.get(id(a), a) for a in op.args], op.pos, snap)
        subst[id(op)] = copy
        out.append(copy)
    return out


def enter_loop(ops: list, target) -> list:
    """A copy of `ops`, which end in jump_trace(target, ...), that runs a copy of target's preamble instead and
    jumps into its loop."""
    subst: dict = {}
    body = copy_ops(ops[:-1], subst)
    jump = ops[-1]
    inputs = [subst.get(id(a), a) for a in jump.args[1:]]
    preamble_subst = {id(old): new for old, new in zip(target.ir.inputs, inputs)}
    preamble = copy_ops(target.ir.ops[:target.ir.label_index()], preamble_subst)
    args = [preamble_subst.get(id(v), v) for v in target.loop_entry]
    return body + preamble + [make_op("jump_loop", [jump.args[0], *args], jump.pos)]


def overwritten_at_exits(ir, entry_values) -> set:
    """(k, index) pairs: the loop of `ir` never reads register `index` of the register file passed as entry value k,
    and every exit from the loop writes it (a snapshot write). A jump_loop need not store such a register first."""
    label = ir.label_index()
    position = {}
    for k, v in enumerate(entry_values):
        position.setdefault(id(v), []).append(k)
    always = None
    read = set()
    for op in ir.ops[label + 1:]:
        if op.opdef.name == "getreg":
            target, index = op.args
            read.add((id(target), index.value if index.is_const() else None))
        if op.snapshot is not None:
            written = {(id(t), i) for t, i, _v in op.snapshot.writes}
            always = written if always is None else always & written
    if not always:
        return set()
    return {(k, i) for t, i in always if (t, i) not in read and (t, None) not in read for k in position.get(t, ())}
