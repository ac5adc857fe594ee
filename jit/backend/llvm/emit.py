"""Trace IR -> LLVM IR text (f-strings: far faster than building it through llvmlite.ir).

Each trace becomes `ptr @trace_N(ptr %buf)`: it reads its inputs from the hand-over buffer, runs the preamble, loops
between `loop:` and the jump (label arguments become phis) and returns an exit tuple (see jit/trace.py) when a guard
fails, or NULL if an exception escapes with no exit to take. Root traces also get `@trace_N_py`, a METH_FASTCALL
builtin entry that writes its (object) arguments into the buffer and calls the trace.

Guards branch to cold exit blocks emitted after the body. A guard's exit block first looks at the guard's patch slot:
when a side trace was attached there, the live values are handed over through the buffer and the side trace is
tail-called (musttail, so chains of traces never grow the C stack); otherwise the exit tuple is built.
Instruction selection for the individual ops lives in emit_ops.py.
"""

from __future__ import annotations

import struct

from jit import gil
from jit.backend import CompileError
from jit.backend.llvm import capi, compiler, helpers
from jit.backend.llvm.emit_ops import OpEmitters
from jit.backend.llvm.capi import ptr_const
from jit.backend.llvm.exits import ExitEmitters
from jit.backend.llvm.ownership import TRANSFER, Ownership
from jit.ir.loop_entry import loop_entry_values
from jit.ir.values import BOOL, FLOAT, INT, OBJ

LLTYPE = {INT: "i64", FLOAT: "double", BOOL: "i1", OBJ: "ptr"}
HIT = "  ; hit"  # marks the hit counter's lines
MAX_PLACES = capi.BUFFER_SLOTS - capi.STABLE_BASE  # exits' operands that fit at places of their own (exits.py)
# Hits (entries plus loop iterations) after which fast-tier code is worth recompiling at the optimising level.
TIER_UP_HITS = 1000
COLD = "!prof !0"


def float_const(x: float) -> str:
    return "0x%016X" % struct.unpack("<Q", struct.pack("<d", x))[0]


class FunctionEmitter(OpEmitters, ExitEmitters):
    def __init__(self, trace, slots_address: int, hits_address: int):
        self.trace = trace
        self.ir = ir = trace.ir
        self.fname = f"trace_{ir.trid}"
        self.slots_address = slots_address
        self.hits_address = hits_address  # counts entries and loop iterations (the tier-up's hotness measure)
        self.own = Ownership(ir, rooted_inputs=trace.parent is None)
        self.live_exits = self.own.live_at_exits()
        self.exit_at = dict(zip((p for p, op in enumerate(ir.ops) if op.snapshot is not None), trace.exits))
        self.lines: list[str] = []
        self.allocas: list[str] = []
        self.globals: list[str] = []  # per-exit type strings for jit_deopt
        self.exit_blocks: list[int] = []
        self.decls: set[str] = set()
        self.helpers: set[str] = set()
        self.shared: set[str] = set()  # helpers of the runtime library it calls
        self.exits_out: list[tuple] = []  # per exit: (op position, exit, its actions, its row of the exit tables)
        self.action_ids: dict[tuple, int] = {}  # an exit's action -> its number
        self.exit_memo = (({}, {}), ({}, {}))  # before/after the label: what exits' values and drops come to
        self.block = "entry"
        self.ntmp = 0
        self.names = {id(v): f"%in{k}" for k, v in enumerate(ir.inputs)}
        self.phi_slot = None
        self.preamble_block = None
        self.max_call_args = 0
        self.label_pos = ir.label_index()
        # a loop can be entered past its preamble (jit/ir/loop_entry.py): the values its loop uses from before the
        # label arrive in the buffer, and after the label the invariants are read through join phis. (A side trace
        # loops when it runs a loop of a function trace's function.)
        self.entry_values = loop_entry_values(ir)
        if self.entry_values is not None and len(self.entry_values) > capi.BUFFER_SLOTS:
            self.entry_values = None
        self.after_label: dict[int, str] = {}  # an invariant's id -> its join phi
        self.label_initial: dict[int, str] = {}  # label argument position -> its join phi
        if len(ir.inputs) > capi.BUFFER_SLOTS or any(len(e.live) > capi.BUFFER_SLOTS for e in trace.exits):
            raise CompileError("too many live values for the hand-over buffer")
        # operand -> its place in the buffer's upper half, where every exit stores it (see exits.py); None (each
        # exit stores its values at 0..n-1 itself) when the exits' values and dropped references might not fit
        self.stable_slots: dict | None = {}
        values = {id(v) for e in trace.exits for v in e.live}
        entities = set().union(*self.live_exits.values()) if self.live_exits else set()
        if len(values) + len(entities) > MAX_PLACES or any(len(e.live) > capi.STABLE_BASE for e in trace.exits):
            self.stable_slots = None

    # ---- small utilities

    def emit(self, line: str):
        self.lines.append("  " + line)

    def start_block(self, name: str):
        self.lines.append(f"{name}:")
        self.block = name

    def tmp(self) -> str:
        self.ntmp += 1
        return f"%t{self.ntmp}"

    def need(self, name: str):
        """Declare C API function `name` (or define JIT helper `name`) in the module."""
        if name in capi.DECLS:
            self.decls.add(name)
        elif name in helpers.SHARED:  # in the runtime library: declared here, resolved when linking
            self.shared.add(name)
        else:
            self.helpers.add(name)
            for dep in helpers.DEPENDS.get(name, ()):
                self.need(dep)

    def res(self, p: int) -> str:
        return f"%v{p}"

    def val(self, v, p: int) -> str:
        """The LLVM operand for value `v` used at op position `p`."""
        if v.is_const():
            return self.const(v)
        return self.entity_operand(self.own.entity(v, p), p)

    def const(self, c) -> str:
        if c.type == INT:
            return str(c.value)
        if c.type == FLOAT:
            return float_const(c.value)
        if c.type == BOOL:
            return "true" if c.value else "false"
        return ptr_const(id(c.value))

    def incref(self, operand: str):
        self.need("jit_incref")
        self.emit(f"call void @jit_incref(ptr {operand})")

    def decref(self, operand: str):
        self.need("jit_decref")
        self.emit(f"call void @jit_decref(ptr {operand})")

    def decref_cold(self, operand: str):
        """A decref on an exit path: an out-of-line call, so that hundreds of exits do not each inline one."""
        self.need("Py_DecRef")
        self.emit(f"call void @Py_DecRef(ptr {operand})")

    def entity_operand(self, e, p: int) -> str:
        """The LLVM operand for entity `e` (a value's id, or a label argument's phi) at op position `p`."""
        if isinstance(e, tuple):
            return f"%phi{e[1]}"
        if self.after_label and p > self.label_pos:
            joined = self.after_label.get(e)
            if joined is not None:
                return joined
        return self.names[e]

    def slot(self, base: str, index: int) -> str:
        """Address of the index-th 8-byte slot after `base`."""
        if index == 0:
            return base
        t = self.tmp()
        self.emit(f"{t} = getelementptr i64, ptr {base}, i64 {index}")
        return t

    @staticmethod
    def buf_slot(index: int) -> str:
        """Address of the index-th 8-byte slot of the hand-over buffer (a constant: every trace's %buf is it)."""
        return ptr_const(capi.BUFFER_ADDRESS + 8 * index)

    # ---- guards and raising ops

    def guard(self, cond: str, p: int, expect: bool = True):
        ok, fail = f"ok{p}", f"fail{p}"
        if expect:
            self.emit(f"br i1 {cond}, label %{ok}, label %{fail}, !prof !1")
        else:
            self.emit(f"br i1 {cond}, label %{fail}, label %{ok}, {COLD}")
        self.exit_blocks.append(p)
        self.start_block(ok)

    def raise_if(self, failed: str, p: int):
        """Leave through op p's raise exit when `failed` (an i1) is true."""
        self.guard(failed, p, expect=False)

    # ---- the function

    def function(self) -> str:
        ir = self.ir
        self.start_block("entry")
        alloca_at = len(self.lines)
        if self.entry_values is not None:
            via, flag = self.tmp(), self.tmp()
            self.emit(f"{flag} = load i64, ptr {ptr_const(capi.LOOP_ENTRY_ADDRESS)}")
            self.emit(f"{via} = icmp ne i64 {flag}, 0")
            self.emit(f"br i1 {via}, label %lentry, label %pre, !prof !0")
            self.start_block("pre")
        parent = self.trace.parent  # a side trace reads its inputs where its parent's exit left them (exits.py)
        places = parent.places if parent is not None else None
        for k, v in enumerate(ir.inputs):
            at = k if places is None else capi.STABLE_BASE + places[k]
            self.emit(f"{self.names[id(v)]} = load {LLTYPE[v.type]}, ptr {self.buf_slot(at)}")
        for e in self.own.decref_after.get(-1, ()):  # owned inputs that no op uses (a side trace's, say)
            self.decref(self.entity_operand(e, 0))
        self.count_hit()
        for p, op in enumerate(ir.ops):
            name = op.opdef.name
            if name == "label":
                self.emit_label(op, p)
            elif name == "jump":
                self.emit_jump(op, p)
            elif name in ("jump_trace", "jump_loop"):
                self.emit_jump_trace(op, p)
            elif name == "ret":
                self.emit_ret(op, p)
            elif name == "finish":
                self.emit(f"br label %fail{p}")
                self.exit_blocks.append(p)
            else:
                if op.type != "v":
                    self.names[id(op)] = self.res(p)
                getattr(self, "op_" + name)(op, p, *[self.val(a, p) for a in op.args])
                for e in self.own.decref_after.get(p, ()):
                    self.decref(self.entity_operand(e, p))
        for p in self.exit_blocks:
            self.collect_exit(p)
        self.emit_exits()
        if self.max_call_args:
            self.allocas.append(f"%argv = alloca [{self.max_call_args} x ptr]")
        self.lines[alloca_at:alloca_at] = ["  " + a for a in self.allocas]
        body = "\n".join(self.lines)
        return f"define ptr @{self.fname}(ptr %buf) {{\n{body}\n}}\n"

    def count_hit(self):
        """Count an entry or a loop iteration (what the tier-up goes by). Modules compiled at the optimising level
        from the start drop these lines (module_text): a counter in memory costs a tight loop a few cycles per
        iteration."""
        hits, more, hot, bit, flag, flag1 = (self.tmp() for _ in range(6))
        wanted = ptr_const(gil.BUILDS_IN_FLIGHT_ADDRESS)
        for line in (f"{hits} = load i64, ptr {ptr_const(self.hits_address)}",
                     f"{more} = add i64 {hits}, 1",
                     f"store i64 {more}, ptr {ptr_const(self.hits_address)}",
                     # the hit that makes the code hot has loops poll for the worker (jit/gil.py); no branch, so
                     # that dropping these lines leaves the blocks as they are
                     f"{hot} = icmp eq i64 {more}, {TIER_UP_HITS}",
                     f"{bit} = zext i1 {hot} to i64",
                     f"{flag} = load atomic i64, ptr {wanted} monotonic, align 8",
                     f"{flag1} = or i64 {flag}, {bit}",
                     f"store atomic i64 {flag1}, ptr {wanted} monotonic, align 8"):
            self.emit(line + HIT)

    def emit_label(self, op, p):
        self.preamble_block = self.block
        if self.entry_values is not None:
            self.emit_loop_entry(op, p)
        self.emit("br label %loop")
        self.start_block("loop")
        self.phi_slot = len(self.lines)
        self.lines.extend([None] * len(op.args))  # the phis, filled in by the jump
        self.need("jit_gil_poll")  # let the compile worker run (jit/gil.py)
        builds, wanted = self.tmp(), self.tmp()
        self.emit(f"{builds} = load atomic i64, ptr {ptr_const(gil.BUILDS_IN_FLIGHT_ADDRESS)} monotonic, align 8")
        self.emit(f"{wanted} = icmp ne i64 {builds}, 0")
        self.emit(f"br i1 {wanted}, label %gil, label %body, !prof !0")
        self.start_block("gil")
        self.emit("call void @jit_gil_poll()")
        self.emit("br label %body")
        self.start_block("body")
        self.count_hit()
        for e in self.own.decref_after.get(p, ()):  # loop-carried values that the body never uses
            self.decref(self.entity_operand(e, p))

    def emit_loop_entry(self, op, p):
        """The way into the loop past the preamble: `lentry` (taken when LOOP_ENTRY is set) reads the entry values
        from the buffer; `join` merges them with the preamble's."""
        pre = self.block
        self.emit("br label %join")
        self.start_block("lentry")
        self.emit(f"store i64 0, ptr {ptr_const(capi.LOOP_ENTRY_ADDRESS)}")
        loaded = [self.read_buffer(k, v.type) for k, v in enumerate(self.entry_values)]
        self.emit("br label %join")
        self.start_block("join")
        nargs = len(op.args)
        for k, (v, entered) in enumerate(zip(self.entry_values, loaded)):
            joined = f"%ja{k}" if k < nargs else f"%ji{k}"
            self.emit(f"{joined} = phi {LLTYPE[v.type]} [{self.val(v, p - 1)}, %{pre}], [{entered}, %lentry]")
            if k < nargs:
                self.label_initial[k] = joined
            else:
                self.after_label[id(v)] = joined
        self.preamble_block = "join"

    def read_buffer(self, k: int, type_: str) -> str:
        r = self.tmp()
        if type_ == BOOL:
            wide = self.tmp()
            self.emit(f"{wide} = load i64, ptr {self.buf_slot(k)}")
            self.emit(f"{r} = trunc i64 {wide} to i1")
        else:
            self.emit(f"{r} = load {LLTYPE[type_]}, ptr {self.buf_slot(k)}")
        return r

    def write_buffer(self, k: int, type_: str, operand: str):
        if type_ == BOOL:
            wide = self.tmp()
            self.emit(f"{wide} = zext i1 {operand} to i64")
            self.emit(f"store i64 {wide}, ptr {self.buf_slot(k)}")
        else:
            self.emit(f"store {LLTYPE[type_]} {operand}, ptr {self.buf_slot(k)}")

    def pass_args(self, args, p):
        """Operands for the terminator's arguments, settling ownership: the first reference to an entity that is
        transferred moves its reference; every other object reference is a new one (incref)."""
        moved = set()
        out = []
        for a in args:
            operand = self.val(a, p)
            if a.type == OBJ:
                e = None if a.is_const() else self.own.entity(a, p)
                if e is not None and self.own.kind[e] == TRANSFER and e not in moved:
                    moved.add(e)
                else:
                    self.incref(operand)
            out.append(operand)
        return out

    def emit_jump(self, op, p):
        operands = self.pass_args(op.args, p)
        latch = self.block
        self.emit("br label %loop")
        label = self.ir.ops[self.own.label]
        for k, (pre, new) in enumerate(zip(label.args, operands)):
            ty = LLTYPE[pre.type]
            initial = self.label_initial.get(k) or self.val(pre, self.own.label)
            self.lines[self.phi_slot + k] = (f"  %phi{k} = phi {ty} [{initial}, "
                                             f"%{self.preamble_block}], [{new}, %{latch}]")

    def trace_address(self, op) -> str:
        """The current address of the trace that `op` jumps into or calls (read from its cell: a tier-up changes
        it)."""
        target = op.args[0].value
        cell = getattr(target.code, "cell_address", None)
        if not getattr(target.code, "internal_address", None) or not cell:
            raise CompileError(f"{op.opdef.name}: trace {target.trid} has no native code")
        address = self.tmp()
        self.emit(f"{address} = load ptr, ptr {ptr_const(cell)}")
        return address

    def emit_jump_trace(self, op, p):
        """jump_trace, and jump_loop (which also sets LOOP_ENTRY: the target reads its loop's entry values)."""
        address = self.trace_address(op)
        operands = self.pass_args(op.args[1:], p)
        self.release_invariants(p)
        exit_ = op.args[0].value.parent  # a side trace reads its inputs where its parent's exit leaves them
        places = exit_.places if exit_ is not None and op.opdef.name == "jump_trace" else None
        for k, (a, operand) in enumerate(zip(op.args[1:], operands)):
            self.write_buffer(k if places is None else capi.STABLE_BASE + places[k], a.type, operand)
        if op.opdef.name == "jump_loop":
            self.emit(f"store i64 1, ptr {ptr_const(capi.LOOP_ENTRY_ADDRESS)}")
        r = self.tmp()
        self.emit(f"{r} = musttail call ptr {address}(ptr %buf)")
        self.emit(f"ret ptr {r}")

    def emit_ret(self, op, p):
        (operand,) = self.pass_args(op.args, p)
        self.release_invariants(p)
        self.emit(f"ret ptr {operand}")

    def release_invariants(self, p: int):
        """The trace leaves for good (to another trace, or to its caller): release what the loop kept alive."""
        for e, kind in self.own.kind.items():
            if kind == "invariant":
                self.decref(self.entity_operand(e, p))

def entry_wrapper(trace) -> str:
    """`@trace_N_py`: the METH_FASTCALL entry of a root or function trace (all inputs are objects)."""
    n = len(trace.ir.inputs)
    lines = ["entry:"]
    for k in range(n):
        lines.append(f"  %ap{k} = getelementptr ptr, ptr %args, i64 {k}")
        lines.append(f"  %a{k} = load ptr, ptr %ap{k}")
        lines.append(f"  call void @jit_incref(ptr %a{k})")
        lines.append(f"  %bp{k} = getelementptr i64, ptr {ptr_const(capi.BUFFER_ADDRESS)}, i64 {k}")
        lines.append(f"  store ptr %a{k}, ptr %bp{k}")
    lines.append(f"  %r = call ptr @trace_{trace.trid}(ptr {ptr_const(capi.BUFFER_ADDRESS)})")
    lines.append("  ret ptr %r")
    body = "\n".join(lines)
    return f"define ptr @trace_{trace.trid}_py(ptr %self, ptr %args, i64 %nargs) {{\n{body}\n}}\n"


def loop_ops(ir) -> int | None:
    """How many ops the loop body of `ir` has (None when it does not loop)."""
    label = ir.label_index()
    if label is None or ir.ops[-1].opdef.name != "jump":
        return None
    return len(ir.ops) - label - 1


def module_text(trace, slots_address: int, hits_address: int) -> tuple[str, list[str], list | None, int, bool]:
    """The LLVM module for `trace`, the names of the C symbols it needs, the values a jump_loop into its loop
    passes (None when it cannot be entered that way), the codegen level its first code is emitted at and whether
    it has a loop of its own. The text counts hits (for a tier-up): LLVMJob.build drops those lines when it
    emits at the optimising level."""
    fe = FunctionEmitter(trace, slots_address, hits_address)
    fn = fe.function()
    wants_entry = trace.kind in ("root", "function") and all(v.type == OBJ for v in trace.ir.inputs)
    if wants_entry:
        fe.need("jit_incref")
        fn += "\n" + entry_wrapper(trace)
    parts = [f"; trace {trace.trid} ({trace.kind}) at {trace.label}"]
    parts.extend(capi.DECLS[d] for d in sorted(fe.decls))
    parts.append("declare i64 @llvm.fptosi.sat.i64.f64(double)")
    parts.append("declare double @llvm.floor.f64(double)")
    parts.append("declare double @llvm.ceil.f64(double)")
    parts.append("declare double @llvm.fabs.f64(double)")
    parts.append("declare double @llvm.sqrt.f64(double)")
    parts.append("declare double @llvm.pow.f64(double, double)")
    parts.append("declare i64 @llvm.umin.i64(i64, i64)")
    parts.extend(helpers.declaration(h) for h in sorted(fe.shared))
    parts.extend(helpers.DEFS[h] for h in sorted(fe.helpers))
    parts.extend(fe.globals)
    parts.append(fn)
    parts.append('!0 = !{!"branch_weights", i32 1, i32 100000}')
    parts.append('!1 = !{!"branch_weights", i32 100000, i32 1}')
    symbols = sorted(fe.decls) + sorted(fe.shared)
    text = "\n".join(parts) + "\n"
    body_ops = loop_ops(trace.ir)
    return text, symbols, fe.entry_values, compiler.codegen_level(text.count("\n"), body_ops), body_ops is not None


def without_hit_counter(text: str) -> str:
    """`text` without the lines that count entries and loop iterations (FunctionEmitter.count_hit)."""
    return "\n".join(line for line in text.split("\n") if not line.endswith(HIT))
