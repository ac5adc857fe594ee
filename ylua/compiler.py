"""The bytecode compiler: AST -> Proto (statements, blocks, scopes, gotos; expressions are in compile_expr)."""

from __future__ import annotations

import dataclasses

from ylua import ast
from ylua import opcodes as op
from ylua.compile_expr import CONST_NODES, MULTI, ExprCompiler, const_value
from ylua.funcstate import BlockScope, FuncState
from ylua.proto import Proto, UpvalDesc
from ylua.resolve import captured_flags, fixed_flags


class Compiler(ExprCompiler):
    def __init__(self, source: str):
        self.source = source
        self.fs: FuncState | None = None

    # ------------------------------------------------------------ functions

    def main(self, chunk: ast.Chunk) -> Proto:
        fs = FuncState(None, self.source, 0, chunk.end_line, "main chunk")
        fs.proto.is_vararg = True
        fs.proto.upvals.append(UpvalDesc("_ENV", False, 0, fixed_flags(chunk)[0]))
        fs.upval_index["_ENV"] = 0
        self.fs = fs
        self.body(chunk.body)
        self.fs = None
        return fs.proto

    def function(self, f: ast.Function) -> int:
        """Compile a nested function; returns its index in the enclosing proto's `protos`."""
        parent = self.fs
        fs = FuncState(parent, self.source, f.line, f.end_line, f.name)
        fs.proto.num_params = len(f.params)
        fs.proto.is_vararg = f.is_vararg
        self.fs = fs
        flags = captured_flags(f)
        fixed = fixed_flags(f)
        fs.alloc(len(f.params))
        for i, name in enumerate(f.params):
            fs.add_local(name, i, "cell" if flags[i] else "reg", fixed=fixed[i])
        fs.line = f.line
        for i in range(len(f.params)):
            if flags[i]:
                fs.emit(op.NEWCELL, i)
        self.body(f.body)
        self.fs = parent
        parent.proto.protos.append(fs.proto)
        return len(parent.proto.protos) - 1

    def body(self, block: ast.Block):
        fs = self.fs
        self.enter_block(False)
        self.stmts(block.stmts)
        fs.line = fs.proto.end_line or fs.line
        self.leave_block(final=True)
        fs.emit(op.RETURN, 0, 1)
        fs.remove_locals_to(0)

    # ------------------------------------------------------------ blocks

    def enter_block(self, is_loop: bool):
        fs = self.fs
        fs.blocks.append(BlockScope(len(fs.actives), is_loop, fs.top))

    def leave_block(self, final=False):
        fs = self.fs
        bl = fs.blocks.pop()
        if bl.has_tbc and not final:
            fs.emit(op.CLOSE, bl.first_free)
        self.resolve_gotos(bl)
        fs.remove_locals_to(bl.nactive)
        fs.freereg = fs.top
        if bl.is_loop:
            fs.patch_here(bl.breaks)
        if bl.gotos:
            if fs.blocks:
                outer = fs.blocks[-1]
                for g in bl.gotos:
                    g[2] = min(g[2], bl.nactive)
                    if bl.has_tbc:
                        g[4] = bl.first_free if g[4] is None else min(g[4], bl.first_free)
                    outer.gotos.append(g)
            else:
                name, _, _, line, _ = bl.gotos[0]
                self.syntax_error(f"no visible label '{name}' for <goto> at line {line}", line)

    def block(self, block: ast.Block, is_loop=False):
        self.enter_block(is_loop)
        self.stmts(block.stmts)
        self.leave_block()

    def stmts(self, stmts):
        """Compile a block's statements, dropping each one from the tree once compiled (a big chunk's tree is
        bigger than its code: so the memory it took holds the code)."""
        fs = self.fs
        end = len(stmts)
        while end and type(stmts[end - 1]) is ast.Label:
            end -= 1  # the labels from here on end the block
        for i, s in enumerate(stmts):
            ts = type(s)
            if ts is ast.Label:
                self.label(s, i >= end)
            else:
                fs.line = s.line
                if ts is ast.CallStat:
                    self.suffixed(s.call, fs.alloc(), 0)
                else:
                    STATEMENTS[ts](self, s)
            stmts[i] = None
            fs.freereg = fs.top

    # ------------------------------------------------------------ statements

    def stmt_Local(self, s: ast.Local):
        fs = self.fs
        flags = captured_flags(s)
        n = len(s.names)
        # `local x <const> = literal` is a compile-time constant with no register
        if n == 1 and s.attribs[0] == "const" and len(s.exprs) == 1:
            e = self.folded(s.exprs[0])
            if type(e) in CONST_NODES:
                fs.add_local(s.names[0], -1, "const", const_value(e), "const")
                return
        base = fs.freereg
        self.explist(s.exprs, base, n)
        fs.freereg = base + n
        for i in range(n):
            if flags[i] and s.attribs[i] != "close":
                fs.emit(op.NEWCELL, base + i)
        captured_tbc = None
        fixed = fixed_flags(s)
        for i, name in enumerate(s.names):
            attrib = s.attribs[i]
            is_cell = flags[i] and attrib != "close"
            v = fs.add_local(name, base + i, "cell" if is_cell else "reg", attrib=attrib, fixed=fixed[i])
            if attrib == "close":
                if fs.blocks[-1].has_tbc is False:
                    fs.blocks[-1].has_tbc = True
                    fs.blocks[-1].first_free = base + i
                fs.has_tbc = True
                fs.emit(op.TBC, v.reg)
                if flags[i]:
                    captured_tbc = v
        if captured_tbc is not None:
            # the closing value stays in its register; closures capture a cell holding a copy of it, which never
            # goes stale since a <close> variable is constant
            cell = fs.alloc()
            fs.emit(op.MOVE, cell, captured_tbc.reg)
            fs.emit(op.NEWCELL, cell)
            fs.add_local("(close)", cell, "reg", visible=False)
            captured_tbc.cell_reg = cell

    def stmt_LocalFunction(self, s: ast.LocalFunction):
        fs = self.fs
        (captured,) = captured_flags(s)
        reg = fs.alloc()
        if captured:
            fs.emit(op.LOADNIL, reg, 0)
            fs.emit(op.NEWCELL, reg)
            fs.add_local(s.name, reg, "cell", fixed=fixed_flags(s)[0])  # (set once, by the SETCELL below)
            tmp = fs.alloc()
            fs.emit(op.CLOSURE, tmp, self.function(s.func))
            fs.emit(op.SETCELL, reg, tmp)
        else:
            fs.add_local(s.name, reg, "reg")
            fs.emit(op.CLOSURE, reg, self.function(s.func))

    def stmt_FunctionStat(self, s: ast.FunctionStat):
        self.assign([s.target], [s.func])

    def stmt_Assign(self, s: ast.Assign):
        self.assign(s.targets, s.exprs)

    def assign(self, targets, exprs):
        """`targets = exprs` (the parser has checked that no target is a constant)."""
        fs = self.fs
        if len(targets) == 1 and len(exprs) == 1:
            self.store(targets[0], exprs[0])
            return
        # evaluate the table and key of every target, then every value, then store right to left
        prepared = [self.prepare_target(t) for t in targets]
        base = fs.freereg
        n = len(targets)
        self.explist(exprs, base, n)
        fs.reserve_to(base + n)
        for i in reversed(range(n)):
            self.store_reg(prepared[i], base + i)

    def store(self, target, e):
        """Single assignment `target = e`, evaluating straight into a local's register when possible."""
        fs = self.fs
        if type(target) is ast.Name:
            kind, info = self.resolve(target.name)
            if kind == "local" and info.kind == "reg":
                if writes_target_early(e) and reads_name(e, target.name):
                    # `x = a or x`, `x = {x}`: the value must not land in x before x is read
                    save = fs.freereg
                    tmp = fs.alloc()
                    self.exp2reg(e, tmp)
                    fs.emit(op.MOVE, info.reg, tmp)
                    fs.freereg = save
                else:
                    self.exp2reg_fresh(e, info.reg)
                return
        prepared = self.prepare_target(target)
        save = fs.freereg
        val = self.exp2rk(e)
        fs.line = target.line
        self.store_reg(prepared, val)
        fs.freereg = save

    def exp2reg_fresh(self, e, reg):
        """exp2reg into a local's register (calls need their base at the top of the stack)."""
        fs = self.fs
        if type(e) in MULTI:
            save = fs.freereg
            tmp = fs.alloc()
            self.exp2reg(e, tmp)
            fs.emit(op.MOVE, reg, tmp)
            fs.freereg = save
        else:
            self.exp2reg(e, reg)

    def prepare_target(self, t):
        fs = self.fs
        if type(t) is ast.Name:
            kind, info = self.resolve(t.name)
            if kind == "local":
                return ("local", info)
            if kind == "upval":
                return ("upval", info)
            env = self.env_access()
            if env[0] == "upval":
                return ("global", env[1], fs.const(t.name.encode()))
            return ("field", env[1], fs.const(t.name.encode()))
        obj = self.exp2anyreg(t.obj)
        if obj < fs.top:  # a local: copy it, a later assignment in the list could change it
            tmp = fs.alloc()
            fs.emit(op.MOVE, tmp, obj)
            obj = tmp
        key = self.folded(t.key)
        if type(key) is ast.String:
            return ("field", obj, fs.const(key.value))
        k = self.exp2rk(key)
        if k >= 0 and k < fs.top:
            tmp = fs.alloc()
            fs.emit(op.MOVE, tmp, k)
            k = tmp
        return ("index", obj, k, t.line)

    def store_reg(self, prepared, val: int):
        """Store operand `val` (X operand) into a prepared target."""
        fs = self.fs
        kind = prepared[0]
        if kind == "local":
            info = prepared[1]
            if info.kind == "reg":
                if val < 0:
                    fs.emit(op.LOADK, info.reg, op.const_index(val))
                elif val != info.reg:
                    fs.emit(op.MOVE, info.reg, val)
            else:
                fs.emit(op.SETCELL, info.reg, val)
        elif kind == "upval":
            if val < 0:
                tmp = fs.alloc()
                fs.emit(op.LOADK, tmp, op.const_index(val))
                val = tmp
            fs.emit(op.SETUPVAL, val, prepared[1])
        elif kind == "global":
            fs.emit(op.SETTABUP, prepared[1], prepared[2], val)
        elif kind == "field":
            fs.emit(op.SETFIELD, prepared[1], prepared[2], val)
        else:
            fs.line = prepared[3]
            fs.emit(op.SETTABLE, prepared[1], prepared[2], val)

    def stmt_Do(self, s: ast.Do):
        self.block(s.body)

    def stmt_While(self, s: ast.While):
        fs = self.fs
        start = fs.pc()
        fs.emit(op.LOOPHEAD)
        exits = self.cond_jump(s.cond, False)
        self.enter_block(True)
        self.stmts(s.body.stmts)
        if not s.body.stmts:
            fs.line = s.line
        # the jump back keeps the body's last line, as in PUC: going back to the test is a line event of its own
        # (a backward jump), and a jump on the 'while' line would make a second one
        bl = fs.blocks[-1]
        if bl.has_tbc:
            fs.emit(op.CLOSE, bl.first_free)
        fs.emit(op.JMP, start)
        bl.has_tbc = False
        self.leave_block()
        fs.patch_here(exits)

    def stmt_Repeat(self, s: ast.Repeat):
        fs = self.fs
        start = fs.pc()
        fs.emit(op.LOOPHEAD)
        self.enter_block(True)
        self.enter_block(False)
        self.stmts(s.body.stmts)
        inner = fs.blocks[-1]
        if inner.has_tbc:
            # the condition sees the body's locals; close them on both paths
            exits = self.cond_jump(s.cond, True)
            fs.emit(op.CLOSE, inner.first_free)
            fs.emit(op.JMP, start)
            fs.patch_here(exits)
        else:
            back = self.cond_jump(s.cond, False)
            fs.patch(back, start)
        self.leave_block()
        self.leave_block()

    def stmt_If(self, s: ast.If):
        fs = self.fs
        ends = []
        for i, (test, blk) in enumerate(zip(s.tests, s.blocks)):
            fs.line = test.line or s.line
            skip = self.cond_jump(test, False)
            self.block(blk)
            if i < len(s.tests) - 1 or s.orelse is not None:
                ends.append(fs.jump())
            fs.patch_here(skip)
        if s.orelse is not None:
            self.block(s.orelse)
        fs.patch_here(ends)

    def stmt_NumericFor(self, s: ast.NumericFor):
        fs = self.fs
        base = fs.alloc(3)
        self.exp2reg(s.start, base)
        self.exp2reg(s.stop, base + 1)
        if s.step is None:
            fs.emit(op.LOADK, base + 2, fs.const(1))
        else:
            self.exp2reg(s.step, base + 2)
        fs.line = s.line
        prep = fs.emit(op.FORPREP, base, -1)
        self.enter_block(True)
        (captured,) = captured_flags(s)
        fs.alloc(1)
        body_start = fs.pc()
        if captured:
            fs.emit(op.NEWCELL, base + 3)
        fs.add_local(s.var, base + 3, "cell" if captured else "reg", fixed=fixed_flags(s)[0])
        self.enter_block(False)
        self.stmts(s.body.stmts)
        self.leave_block()
        fs.line = s.line
        loop = fs.emit(op.FORLOOP, base, body_start)
        fs.proto.code[prep] = (op.FORPREP, base, loop + 1, 0, 0)
        self.leave_block()
        fs.freereg = base

    def stmt_GenericFor(self, s: ast.GenericFor):
        fs = self.fs
        base = fs.freereg
        self.explist(s.exprs, base, 4)
        fs.freereg = base + 4
        fs.line = s.line
        prep = fs.emit(op.TFORPREP, base, -1)
        self.enter_block(True)
        flags = captured_flags(s)
        nvars = len(s.names)
        fs.alloc(nvars)
        body_start = fs.pc()
        fixed = fixed_flags(s)
        for i, name in enumerate(s.names):
            if flags[i]:
                fs.emit(op.NEWCELL, base + 4 + i)
            fs.add_local(name, base + 4 + i, "cell" if flags[i] else "reg", fixed=fixed[i])
        self.enter_block(False)
        self.stmts(s.body.stmts)
        self.leave_block()
        fs.line = s.line
        call = fs.emit(op.TFORCALL, base, nvars)
        fs.proto.code[prep] = (op.TFORPREP, base, call, 0, 0)
        fs.emit(op.TFORLOOP, base, body_start)
        fs.blocks[-1].has_tbc = False
        self.leave_block()
        fs.emit(op.CLOSE, base)
        fs.freereg = base

    def stmt_Return(self, s: ast.Return):
        fs = self.fs
        exprs = s.exprs
        base = fs.freereg
        if len(exprs) == 1 and type(exprs[0]) in (ast.Call, ast.MethodCall) and not fs.has_tbc:
            self.multi(exprs[0], base, -1)
            code = fs.proto.code
            o, a, b, c, d = code[-1]
            if o == op.CALL:
                code[-1] = (op.TAILCALL, a, b, 0, 0)
            fs.emit(op.RETURN, base, 0)
            return
        if len(exprs) == 1 and type(exprs[0]) not in MULTI:
            r = self.exp2anyreg(exprs[0])
            fs.emit(op.RETURN, r, 2)
            return
        n = self.explist(exprs, base, -1)
        fs.emit(op.RETURN, base, 0 if n < 0 else n + 1)

    def stmt_Break(self, s: ast.Break):
        fs = self.fs
        close_reg = None
        for bl in reversed(fs.blocks):
            if bl.has_tbc:
                close_reg = bl.first_free
            if bl.is_loop:
                bl.breaks.append(fs.emit(op.JMP, -1, 0 if close_reg is None else close_reg + 1))
                return
        self.syntax_error(f"break outside loop at line {s.line}", s.line)

    def stmt_Goto(self, s: ast.Goto):
        fs = self.fs
        # a backward jump to a visible label is resolved now
        close_reg = None
        for bl in reversed(fs.blocks):
            lab = bl.labels.get(s.label)
            if lab is not None:
                pc, nactive, _ = lab
                if bl.has_tbc and len(fs.actives) > nactive:
                    close_reg = _close_level(fs, nactive)
                fs.emit(op.JMP, pc, 0 if close_reg is None else close_reg + 1)
                return
            if bl.has_tbc:
                close_reg = bl.first_free
        bl = fs.blocks[-1]
        j = fs.jump()
        bl.gotos.append([s.label, j, len(fs.actives), s.line, None])

    def label(self, s: ast.Label, at_end: bool):
        fs = self.fs
        for bl in fs.blocks:
            if s.name in bl.labels:
                line = bl.labels[s.name][2]
                self.syntax_error(f"label '{s.name}' already defined on line {line}", s.line)
        bl = fs.blocks[-1]
        nactive = bl.nactive if at_end else len(fs.actives)
        pc = fs.pc()
        fs.emit(op.LOOPHEAD)
        bl.labels[s.name] = (pc, nactive, s.line)
        # forward gotos of this block waiting for it
        remaining = []
        for g in bl.gotos:
            if g[0] == s.name:
                self.bind_goto(g, pc, nactive)
            else:
                remaining.append(g)
        bl.gotos = remaining

    def bind_goto(self, g, pc, nactive):
        fs = self.fs
        name, jmp, g_nactive, line, close_reg = g
        if g_nactive < nactive:
            varname = fs.actives[g_nactive].name
            self.syntax_error(f"<goto {name}> at line {line} jumps into the scope of local '{varname}'", line)
        fs.proto.code[jmp] = (op.JMP, pc, 0 if close_reg is None else close_reg + 1, 0, 0)

    def resolve_gotos(self, bl: BlockScope):
        """Gotos left in a block when it closes look for labels of the block itself (already bound) — the rest
        move outwards (done by leave_block)."""
        remaining = []
        for g in bl.gotos:
            lab = bl.labels.get(g[0])
            if lab is not None:
                self.bind_goto(g, lab[0], lab[1])
            else:
                remaining.append(g)
        bl.gotos = remaining


def _close_level(fs, nactive):
    for v in fs.actives[nactive:]:
        if v.kind != "const":
            return v.reg
    return fs.top


def compile_chunk(chunk: ast.Chunk, source: str) -> Proto:
    """The main function of a chunk parsed by ylua.parser (which has marked the captured locals). The tree is
    consumed: its statements are dropped as they are compiled."""
    with ast.gc_paused():
        return Compiler(source).main(chunk)


def writes_target_early(e) -> bool:
    """Whether compiling `e` into a register writes that register before it has read all its operands: and/or
    chains (the first operand lands first) and table constructors (the table lands first)."""
    while type(e) is ast.Paren:
        e = e.expr
    return type(e) is ast.Table or (type(e) is ast.BinOp and e.op in ("and", "or"))


def reads_name(node, name: str) -> bool:
    """Whether the expression mentions variable `name` anywhere (conservatively, nested functions included)."""
    todo = [node]
    while todo:
        n = todo.pop()
        t = type(n)
        if t is ast.Name:
            if n.name == name:
                return True
        elif t is list:
            todo.extend(n)
        elif n is not None and t not in _LEAVES:
            todo.extend(getattr(n, f) for f in _node_fields(t))
    return False


_LEAVES = frozenset([str, bytes, int, float, bool, ast.Nil, ast.TrueExpr, ast.FalseExpr, ast.Number, ast.String,
                     ast.Vararg])
_FIELDS: dict = {}


def _node_fields(t) -> tuple:
    fields = _FIELDS.get(t)
    if fields is None:
        fields = _FIELDS[t] = tuple(f.name for f in dataclasses.fields(t) if f.name not in ("line", "_decls"))
    return fields


STATEMENTS = {getattr(ast, name[5:]): fn for name, fn in vars(Compiler).items() if name.startswith("stmt_")}
