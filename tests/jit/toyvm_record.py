"""How the toy interpreter describes each instruction to the JIT's recorder (the toy's jit_record)."""

from __future__ import annotations

from jit.recorder import TraceAbort

INT_OPS = {"add": "int_add", "sub": "int_sub", "mul": "int_mul", "mod": "int_mod",
           "lt": "int_lt", "le": "int_le", "eq": "int_eq"}
FLOAT_OPS = {"add": "float_add", "sub": "float_sub", "mul": "float_mul", "div": "float_div", "mod": "float_mod",
             "lt": "float_lt", "le": "float_le", "eq": "float_eq"}
COMPARES = ("lt", "le", "eq")
MAX_DEPTH = 16


def toy_pcall(f, *args):
    from toyvm import ToyError

    try:
        return (True, f(*args))
    except ToyError as e:
        return (False, e)


class VFrame:
    """A frame as the trace sees it: the real frame (once it exists), its function and its registers' SSA value."""

    __slots__ = ("frame", "func", "regs", "ret")

    def __init__(self, frame, func, regs, ret=0):
        self.frame = frame
        self.func = func
        self.regs = regs
        self.ret = ret


class ToyRecording:
    def __init__(self, interp, rec, frame):
        self.interp = interp
        self.rec = rec
        rec.user = self
        self.vframes = [VFrame(frame, frame.func, None)]

    # ---- state

    def regs(self):
        top = self.vframes[-1]
        if top.regs is None:  # the root frame: its register list, loaded (once per iteration) from the frame
            from toyvm import REGS_OFFSET

            top.regs = self.rec.op("getslot", self.rec.inputs[0], self.rec.const(REGS_OFFSET))
        return top.regs

    def get(self, r):
        return self.rec.op("getreg", self.regs(), self.rec.const(r))

    def set(self, r, v):
        self.rec.op("setreg", self.regs(), self.rec.const(r), v)

    def snapshot(self, pc):
        rec = self.rec
        frames = []
        for k, vf in enumerate(self.vframes):
            fpc = pc if k == len(self.vframes) - 1 else vf.frame.pc
            if k == 0:
                frames.append((vf.func, fpc, [rec.inputs[0]]))
            else:
                frames.append((vf.func, fpc, [vf.regs, rec.const_obj(vf.ret)]))
        return rec.snapshot(frames)

    def unbox(self, v, t):
        self.rec.op("guard_type", v, self.rec.const_obj(t))
        return self.rec.op("unbox_int" if t is int else "unbox_float", v)

    # ---- recording

    def record(self, frame, ins):
        top = self.vframes[-1]
        if top.frame is None:
            top.frame = frame
        if frame is not top.frame:
            raise TraceAbort("lost track of the frames")
        pos = f"{frame.func.name}:{frame.pc}"
        self.rec.at(pos, self.snapshot(frame.pc))
        self.rec.aot(f"{pos}  {ins!r}")
        getattr(self, "r_" + ins[0])(frame, ins)

    def r_loop(self, frame, ins):
        pass

    def r_jmp(self, frame, ins):
        pass

    def r_k(self, frame, ins):
        self.set(ins[1], self.rec.const_obj(ins[2]))

    def r_mov(self, frame, ins):
        self.set(ins[1], self.get(ins[2]))

    def r_jf(self, frame, ins):
        v = self.get(ins[1])
        self.rec.op("guard_is" if frame.regs[ins[1]] is False else "guard_is_not", v, self.rec.const_obj(False))

    def arith(self, frame, ins):
        rec = self.rec
        op, a, b, c = ins
        x, y = frame.regs[b], frame.regs[c]
        tx, ty = type(x), type(y)
        if tx not in (int, float) or ty not in (int, float):
            raise TraceAbort(f"unsupported operand types for {op}: {tx.__name__}, {ty.__name__}")
        vx, vy = self.unbox(self.get(b), tx), self.unbox(self.get(c), ty)
        if tx is int and ty is int and op != "div":
            if op == "mod":
                rec.op("guard_true", rec.op("int_ne", vy, rec.const(0)))
            r = rec.op(INT_OPS[op], vx, vy)
            self.set(a, rec.op("box_bool" if op in COMPARES else "box_int", r))
            return
        if tx is int:
            vx = rec.op("int_to_float", vx)
        if ty is int:
            vy = rec.op("int_to_float", vy)
        if op == "mod":
            rec.op("guard_true", rec.op("float_ne", vy, rec.const(0.0)))
        r = rec.op(FLOAT_OPS[op], vx, vy)
        self.set(a, rec.op("box_bool" if op in COMPARES else "box_float", r))

    r_add = r_sub = r_mul = r_div = r_mod = r_lt = r_le = r_eq = arith

    def r_call(self, frame, ins):
        if len(self.vframes) >= MAX_DEPTH:
            raise TraceAbort("calls nested too deeply")
        callee = self.interp.funcs[ins[2]]
        args = [self.get(r) for r in ins[3]]
        regs = self.rec.op("new_list", self.rec.const(callee.nregs))
        for i, v in enumerate(args):
            self.rec.op("setreg", regs, self.rec.const(i), v)
        self.vframes.append(VFrame(None, callee, regs, ret=ins[1]))

    def r_ret(self, frame, ins):
        if len(self.vframes) == 1:
            raise TraceAbort("returns below its root frame")
        v = self.get(ins[1])
        done = self.vframes.pop()
        self.set(done.ret, v)

    def r_pycall(self, frame, ins):
        f = self.get(ins[2])
        self.set(ins[1], self.rec.op("call", f, *[self.get(r) for r in ins[3]]))

    def r_pcall(self, frame, ins):
        f = self.get(ins[2])
        args = [self.get(r) for r in ins[3]]
        self.set(ins[1], self.rec.op("call", self.rec.const_obj(toy_pcall), f, *args))

    def index(self, frame, lst_reg, idx_reg):
        rec = self.rec
        if type(frame.regs[lst_reg]) is not list or type(frame.regs[idx_reg]) is not int:
            raise TraceAbort("indexing something other than a list by an int")
        lst = self.get(lst_reg)
        rec.op("guard_type", lst, rec.const_obj(list))
        i = self.unbox(self.get(idx_reg), int)
        rec.op("guard_true", rec.op("int_ult", i, rec.op("list_len", lst)))
        return lst, i

    def r_get(self, frame, ins):
        lst, i = self.index(frame, ins[2], ins[3])
        self.set(ins[1], self.rec.op("list_getitem", lst, i))

    def r_set(self, frame, ins):
        lst, i = self.index(frame, ins[1], ins[2])
        self.rec.op("list_setitem", lst, i, self.get(ins[3]))

    def r_len(self, frame, ins):
        rec = self.rec
        lst = self.get(ins[2])
        rec.op("guard_type", lst, rec.const_obj(list))
        self.set(ins[1], rec.op("box_int", rec.op("list_len", lst)))

    def r_out(self, frame, ins):
        self.rec.op("call", self.rec.const_obj(self.interp.output.append), self.get(ins[1]))
