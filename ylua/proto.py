"""Function prototypes: the compiled form of one Lua function."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=False)
class LocVar:
    name: str
    reg: int
    start_pc: int  # first pc where the variable is live
    end_pc: int  # first pc where it is dead
    captured: bool = False  # held in a Cell


@dataclass(eq=False)
class UpvalDesc:
    name: str
    in_stack: bool  # True: the enclosing function's register `index` (a Cell); False: its upvalue `index`
    index: int
    fixed: bool = False  # only the variable's declaration writes it: the cell's value never changes once it is
    # initialised (debug.setupvalue and debug.upvaluejoin aside, see ylua/fixed_upvalues.py)


@dataclass(eq=False)
class Proto:
    source: str  # chunk name as shown in messages ('t.lua', '[string "..."]', '=stdin' stripped)
    line: int
    end_line: int
    name: str = ""
    num_params: int = 0
    is_vararg: bool = False
    max_stack: int = 2
    code: list = field(default_factory=list)  # list of (op, a, b, c, d)
    lines: list = field(default_factory=list)  # source line of each instruction
    consts: list = field(default_factory=list)
    protos: list = field(default_factory=list)
    upvals: list = field(default_factory=list)  # list[UpvalDesc]
    locvars: list = field(default_factory=list)  # list[LocVar]
    # filled lazily by the VM: the threaded code (one Python closure per instruction)
    threaded: list | None = None
    plain: list | None = None  # the threaded code without control points
    recording: list | None = None  # the same, every instruction a signal to the loop (while recording)
    jit_data: object = None  # owned by the JIT driver (per-proto location counters)
    jit_call: object = None  # owned by the JIT driver: its FunctionEntry, once the function called itself
    jit_closures: object = None  # owned by the JIT recorder: a weak reference to the one closure it saw, or MANY
    liveness: list | None = None  # registers live at each pc (ylua.liveness), computed when the JIT first asks

    def local_name(self, reg: int, pc: int):
        """The name of the local variable held in `reg` at `pc`, or None (PUC's luaF_getlocalname)."""
        for lv in self.locvars:
            if lv.reg == reg and lv.start_pc <= pc < lv.end_pc:
                return lv.name
        return None

    def __repr__(self):
        return f"<Proto {self.name or '?'} {self.source}:{self.line}>"
