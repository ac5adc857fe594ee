"""Per-function compilation state: registers, constants, active locals, blocks, jumps (cf. PUC's FuncState)."""

from __future__ import annotations

from ylua import opcodes as op
from ylua.errors import LuaSyntaxError
from ylua.proto import LocVar, Proto, UpvalDesc

MAX_REGISTERS = 250

# Short string constants are shared by every function: a table key written by one function and read by another is
# then the same object, and dict lookups stop at the identity check instead of comparing bytes.
MAX_INTERNED = 40
_interned: dict = {}


def intern_constant(v: bytes) -> bytes:
    """One object for each short string constant across all chunks (table caches compare keys by identity)."""
    return _interned.setdefault(v, v) if len(v) <= MAX_INTERNED else v


class VarInfo:
    """An active local variable. kind: 'reg' (value in the register), 'cell' (a Cell in the register),
    'const' (a compile-time constant, no register)."""

    __slots__ = ("attrib", "cell_reg", "fixed", "kind", "locvar", "name", "reg", "value")

    def __init__(self, name, reg, kind, value=None, attrib=None, locvar=None, fixed=False):
        self.name = name
        self.reg = reg
        self.kind = kind
        self.value = value
        self.attrib = attrib
        self.locvar = locvar
        self.cell_reg = None  # a 'reg' variable captured by closures through a copy in a cell (<close> variables)
        self.fixed = fixed  # only its declaration writes it (resolve.fixed_flags)


class BlockScope:
    __slots__ = ("breaks", "first_free", "gotos", "has_tbc", "is_loop", "labels", "nactive")

    def __init__(self, nactive, is_loop, first_free):
        self.nactive = nactive  # number of active locals when the block starts
        self.is_loop = is_loop
        self.breaks: list[int] = []  # JMPs to patch to the loop exit
        self.labels: dict[str, tuple] = {}  # name -> (pc, nactive, line)
        self.gotos: list[list] = []  # [name, jmp pc, nactive, line, close_reg]
        self.has_tbc = False
        self.first_free = first_free


class FuncState:
    def __init__(self, parent, source: str, line: int, end_line: int, name: str):
        self.parent = parent
        # one object for each string constant of the chunk, however long (as PUC's lexer anchors them)
        self.strings: dict[bytes, bytes] = {} if parent is None else parent.strings
        self.proto = Proto(source=source, line=line, end_line=end_line, name=name)
        self.code = self.proto.code
        self.lines = self.proto.lines
        self.actives: list[VarInfo] = []
        self.scope: dict[str, list[VarInfo]] = {}  # name -> its active locals, innermost last
        self.top = 0  # the first register above every active local
        self.blocks: list[BlockScope] = []
        self.freereg = 0
        self.kstr: dict = {}  # constant -> its index, one table per type
        self.kint: dict = {}
        self.kfloat: dict = {}
        self.kother: dict = {}  # booleans
        self.upval_index: dict[str, int] = {}
        self.outer: dict = {}  # name -> what find_upval found
        self.name_consts: dict[str, int] = {}
        self.env = None  # find_upval("_ENV"), once asked
        self.line = line
        self.has_tbc = False

    # ------------------------------------------------------------ code

    def emit(self, opcode: int, a=0, b=0, c=0, d=0) -> int:
        code = self.code
        code.append((opcode, a, b, c, d))
        self.lines.append(self.line)
        return len(code) - 1

    def pc(self) -> int:
        return len(self.code)

    def patch(self, pcs, target: int):
        """Point the jumps at `pcs` to `target` (JMP keeps its target in a, conditional jumps in d)."""
        code = self.code
        for p in pcs:
            o, a, b, c, d = code[p]
            if o == op.JMP:
                code[p] = (o, target, b, c, d)
            else:
                code[p] = (o, a, b, c, target)

    def patch_here(self, pcs):
        if pcs:
            self.patch(pcs, len(self.code))

    def jump(self) -> int:
        return self.emit(op.JMP, -1)

    # ------------------------------------------------------------ constants

    def const(self, v) -> int:
        tv = type(v)
        if tv is bytes:
            idx = self.kstr.get(v)
            if idx is not None:
                return idx
            table = self.kstr
            key = v
            v = intern_constant(v) if len(v) <= MAX_INTERNED else self.strings.setdefault(v, v)
        else:
            if tv is int:
                table = self.kint  # True == 1: apart
                key = v
            elif tv is float:
                table = self.kfloat
                key = repr(v)  # 0.0 and -0.0 apart; nan too
            else:
                table = self.kother
                key = v
            idx = table.get(key)
            if idx is not None:
                return idx
        idx = table[key] = len(self.proto.consts)
        self.proto.consts.append(v)
        return idx

    def rk_const(self, v) -> int:
        return -1 - self.const(v)  # op.rk_const

    # ------------------------------------------------------------ registers

    def alloc(self, n=1) -> int:
        r = self.freereg
        self.freereg += n
        if self.freereg > self.proto.max_stack:
            if self.freereg > MAX_REGISTERS:
                raise LuaSyntaxError(
                    f"{self.proto.source}:{self.line}: function or expression needs too many registers"
                )
            self.proto.max_stack = self.freereg
        return r

    def reserve_to(self, top: int):
        """Make sure registers below `top` are allocated."""
        if self.freereg < top:
            self.alloc(top - self.freereg)

    def free_to(self, reg: int):
        self.freereg = reg

    # ------------------------------------------------------------ locals

    def add_local(self, name, reg, kind, value=None, attrib=None, visible=True, fixed=False) -> VarInfo:
        """A new active local; an invisible one (an internal register) has no debug information. `fixed`: only
        its declaration writes it."""
        lv = None
        if kind != "const" and visible:
            lv = LocVar(name, reg, len(self.code), -1, kind == "cell")
            self.proto.locvars.append(lv)
        v = VarInfo(name, reg, kind, value, attrib, lv, fixed)
        self.actives.append(v)
        lst = self.scope.get(name)
        if lst is None:
            self.scope[name] = [v]
        else:
            lst.append(v)
        if kind != "const":
            self.top = reg + 1
        return v

    def remove_locals_to(self, n: int):
        actives = self.actives
        if len(actives) <= n:
            return
        pc = self.pc()
        scope = self.scope
        while len(actives) > n:
            v = actives.pop()
            scope[v.name].pop()
            if v.locvar is not None:
                v.locvar.end_pc = pc
        self.top = 0
        for v in reversed(actives):
            if v.kind != "const":
                self.top = v.reg + 1
                break

    def find_local(self, name):
        lst = self.scope.get(name)
        return lst[-1] if lst else None

    def find_upval(self, name):
        """Index of upvalue `name`, creating it from the enclosing functions; None if `name` is global there,
        ('const', value) if it is a compile-time constant there. Remembered: the enclosing functions' scopes do not
        change while this one is compiled."""
        found = self.outer.get(name, _UNKNOWN)
        if found is not _UNKNOWN:
            return found
        found = self._find_upval(name)
        self.outer[name] = found
        return found

    def _find_upval(self, name):
        idx = self.upval_index.get(name)
        if idx is not None:
            return idx
        parent = self.parent
        if parent is None:
            return None
        v = parent.find_local(name)
        if v is not None:
            if v.kind == "const":
                return ("const", v.value)
            if v.cell_reg is None:
                desc = UpvalDesc(name, True, v.reg, v.fixed)
            else:  # a <close> variable's copy, which never changes
                desc = UpvalDesc(name, True, v.cell_reg, True)
        else:
            pidx = parent.find_upval(name)
            if pidx is None or type(pidx) is tuple:
                return pidx
            desc = UpvalDesc(name, False, pidx, parent.proto.upvals[pidx].fixed)
        idx = len(self.proto.upvals)
        self.proto.upvals.append(desc)
        self.upval_index[name] = idx
        return idx

    def name_const(self, name: str) -> int:
        """The constant index of a name's string (a global's or a field's)."""
        k = self.name_consts.get(name)
        if k is None:
            k = self.name_consts[name] = self.const(name.encode("latin-1"))
        return k


_UNKNOWN = object()
