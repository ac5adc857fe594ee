"""The llvmlite binding work: LLVM IR text -> optimised module -> object code -> linked into an ORC LLJIT.

Every call here is a binding call (llvmlite serialises them behind one process-wide lock and releases the GIL while
LLVM works), so a background worker can run compile() while the interpreter keeps going. Each trace is linked as its
own JIT library; its ResourceTracker owns the machine code, which is freed when the tracker is dropped.
"""

from __future__ import annotations

import re
import threading
import weakref

import llvmlite.binding as llvm

from jit.backend import CompileError
from jit.backend.llvm import capi, helpers

# Machine-code generation level. Level 0 (fast instruction selection and register allocation) emits a 500-900 line
# module in 10-20 ms where level 2 takes 60-100 ms, and big traces pay that many times over (raytrace and nbody ran
# 1.6-1.8x slower at level 2, waiting for their side traces). But level 0 keeps a loop's phis on the stack: a tight
# float loop (float_sum) ran 2.4x faster at level 2. Small modules are where such loops live: they get level 2.
# Measured limit: 600 lines (at 1200, spectral_norm and array3d lost 25-35% to compile waits, array_rw gained 25%).
CODEGEN_LEVEL_SMALL = 2
CODEGEN_LEVEL = 0
SMALL_MODULE_LINES = 600
SMALL_LOOP_OPS = 60


def codegen_level(lines: int, loop_ops: int | None = None) -> int:
    """The level of a module's first code: the optimising one when the module is small or its loop body is (`loop_ops`
    ops; None when it has no loop of its own): a short loop is what level 0's stack-kept values slow down most, and
    a long preamble or many exits do not make it costlier to compile well (array3d's stencil loop, 40 ops in a
    745-line module: same-run 0.84x -> 0.78x lua5.4)."""
    if lines <= SMALL_MODULE_LINES or (loop_ops is not None and loop_ops <= SMALL_LOOP_OPS):
        return CODEGEN_LEVEL_SMALL
    return CODEGEN_LEVEL

_init_lock = threading.Lock()
_runtime_lock = threading.RLock()
_machines: dict[int, object] = {}
_lljit = None
_live = {"code": 0}
_lib_counter = iter(range(1, 1 << 62))


_headers: dict[int, str] = {}  # codegen level -> the module header naming its target (triple, data layout)
_pass_managers: dict = {}  # (level, gvn) -> (pipeline options, pass builder, module pass manager), made once


def _target_machine(opt: int):
    global _lljit
    with _init_lock:
        if not _machines:
            llvm.initialize_native_target()
            llvm.initialize_native_asmprinter()
        tm = _machines.get(opt)
        if tm is None:
            target = llvm.Target.from_default_triple()
            tm = target.create_target_machine(cpu=llvm.get_host_cpu_name(),
                                              features=llvm.get_host_cpu_features().flatten(),
                                              opt=opt, codemodel="jitdefault")
            _machines[opt] = tm
            _headers[opt] = f'target triple = "{tm.triple}"\ntarget datalayout = "{tm.target_data}"\n'
        if _lljit is None:
            _lljit = llvm.create_lljit_compiler(tm)
        return tm


def live_code_count() -> int:
    """How many compiled trace libraries are still loaded (tests use it to check that dropped traces free code)."""
    return _live["code"] - len(_runtime_code)


def _freed():
    _live["code"] -= 1


# LLVM objects must be disposed of on the thread that does the LLVM work (LLVM's context is not thread-safe, and a
# trace can die on the main thread while a worker compiles): dead libraries wait here until the next compilation.
_graveyard: list = []


def _bury(tracker):
    _graveyard.append(tracker)
    _freed()


def _dispose_dead():
    while _graveyard:
        _graveyard.pop().close()


_runtime: dict[str, int] = {}  # the runtime library's helpers (helpers.SHARED) -> their addresses
_runtime_code = []  # keeps the library loaded


def _runtime_address(name: str) -> int:
    """Where helper `name` of the runtime library is: the library is compiled and linked on first use (on the thread
    that compiles, like every LLVM call)."""
    with _runtime_lock:
        if not _runtime:
            text, symbols = helpers.runtime_text(capi.DECLS)
            native = compile_module(text, symbols, sorted(helpers.SHARED), True, False, CODEGEN_LEVEL_SMALL)
            _runtime_code.append(native)
            _runtime.update(native.addresses)
        return _runtime[name]


class NativeCode:
    """Owns one linked library: its ResourceTracker and the addresses of its exported functions."""

    def __init__(self, tracker, exports: dict[str, int], asm: str | None, level: int):
        self.addresses = exports
        self.asm = asm
        self.level = level
        _live["code"] += 1
        weakref.finalize(self, _bury, tracker)


# GVN pays on ordinary traces but its cost grows faster than the trace: on a 27k-line module (a whole unrolled
# n-body step) it took 0.7 of 1.4 seconds. Bigger modules skip it; our own cse/forward passes have run already.
GVN_MAX_LINES = 12000


def _optimise(module, tm, opt: bool, level: int, lines: int):
    """LLVM's IR passes: none without the optimiser; only the inlining of our helpers for a big module's first,
    fast-tier code (instcombine, simplifycfg and GVN took 0.2-0.4 s of the 0.5-0.7 s that n-body's 12000-line step
    needed, and bought less than that delay cost: nbody 1.60x -> 1.38x lua5.4, raytrace 2.88x -> 2.31x); all of
    them for code at the optimising level."""
    if not opt:
        return
    key = (level, level != CODEGEN_LEVEL and lines <= GVN_MAX_LINES)
    managers = _pass_managers.get(key)
    if managers is None:  # made once: every binding call costs a compile a GIL hand-over (see compile_module)
        pto = llvm.create_pipeline_tuning_options(speed_level=1)
        pb = llvm.create_pass_builder(tm, pto)
        mpm = llvm.create_new_module_pass_manager()
        mpm.add_always_inliner_pass()
        if level != CODEGEN_LEVEL:
            mpm.add_instruction_combine_pass()
            mpm.add_simplify_cfg_pass()
            if key[1]:
                mpm.add_new_gvn_pass()
            mpm.add_instruction_combine_pass()
            mpm.add_aggressive_dce_pass()
            mpm.add_simplify_cfg_pass()
        managers = _pass_managers[key] = (pto, pb, mpm)
    managers[2].run(module, managers[1])


# The C functions a module calls are bound by address in its text rather than imported one binding call each (a
# worker's binding call must take the GIL back from the interpreting thread afterwards: 34 calls made a 280-line
# module take 40% longer to compile while a loop ran). What LLVM itself lowers to libm calls stays imported.
_LIBM_IMPORTS = ("fmod", "pow", "floor")


def _bind_symbols(text: str, names) -> str:
    """`text` with each function of `names` (a C API function or a runtime library helper) called at its address:
    its declaration dropped, its uses the address as a constant."""
    if not names:
        return text
    address = {n: _runtime_address(n) if n in helpers.SHARED else capi.address(n) for n in names}
    lines = [line for line in text.split("\n") if not (line.startswith("declare ") and
                                                       _declared_name(line) in address)]
    pattern = re.compile(r"@(" + "|".join(re.escape(n) for n in names) + r")(?![\w.$])")
    return pattern.sub(lambda m: f"inttoptr (i64 {address[m.group(1)]} to ptr)", "\n".join(lines))


def _declared_name(line: str) -> str:
    return line.split("@", 1)[1].split("(", 1)[0]


def compile_module(text: str, symbols, exports, opt: bool, want_asm: bool, level: int | None = None) -> NativeCode:
    """Parse, optimise (unless opt is False: LLVM's lowest level), emit (at codegen `level`, by default the one for
    the module's size) and link `text`, which declares `symbols` (C API functions and runtime library helpers)."""
    _dispose_dead()
    lines = text.count("\n")
    if level is None:
        level = codegen_level(lines) if opt else CODEGEN_LEVEL
    tm = _target_machine(level)
    try:
        module = llvm.parse_assembly(_headers[level] + _bind_symbols(text, symbols))
        module.verify()
    except RuntimeError as e:
        module = None
        raise CompileError(f"LLVM rejected the trace: {str(e).strip().splitlines()[0]}") from None
    _optimise(module, tm, opt, level, lines)
    obj = tm.emit_object(module)
    asm = tm.emit_assembly(module) if want_asm else None
    module.close()
    builder = llvm.JITLibraryBuilder().add_object_img(obj)
    for name in _LIBM_IMPORTS:
        builder.import_symbol(name, capi.address(name))
    for name in exports:
        builder.export_symbol(name)
    try:
        tracker = builder.link(_lljit, f"ylua_trace_{next(_lib_counter)}")
    except RuntimeError as e:
        raise CompileError(f"LLVM could not link the trace: {str(e).strip().splitlines()[0]}") from None
    return NativeCode(tracker, {name: tracker[name] for name in exports}, asm, level)
