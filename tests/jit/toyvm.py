"""A tiny register-machine interpreter (not Lua) driven by jit/ alone, for the JIT's own tests.

A program is a dict of functions; a function is a list of instruction tuples over a register list:

    ("k", a, value)        R[a] := value                 ("mov", a, b)          R[a] := R[b]
    ("add"|"sub"|"mul"|"div"|"mod"|"lt"|"le"|"eq", a, b, c)   R[a] := R[b] op R[c] (ints and floats)
    ("jmp", t)             pc := t                       ("jf", a, t)           if R[a] is False: pc := t
    ("loop",)              a loop start: the JIT's control point
    ("call", a, f, args)   R[a] := toy function f(R[args...]) - same dispatch loop (inlined in traces)
    ("pycall", a, b, args) R[a] := R[b](R[args...]) - any Python callable; may re-enter the interpreter
    ("pcall", a, b, args)  R[a] := (True, result) or (False, error) around a pycall
    ("get", a, b, c)       R[a] := R[b][R[c]] (a Python list)   ("set", a, b, c)   R[a][R[b]] := R[c]
    ("len", a, b)          R[a] := len(R[b])                     ("out", a)         print R[a] to interp.output
    ("ret", a)             return R[a]

Toy-to-toy calls push a Frame in the same loop; pycall/pcall start a new activation when the callee calls
interp.run(). Errors are Python exceptions carrying the (function, pc) where they were raised.
"""

from __future__ import annotations

from toyvm_record import ToyRecording

from jit.language import Language
from jit.layout import slot_offset
from jit.mt import EXECUTED, MT, START_TRACING, STOP_TRACING
from jit.recorder import TraceAbort


class Func:
    def __init__(self, name: str, nregs: int, code):
        self.name = name
        self.nregs = nregs
        self.code = list(code)
        self.locs = {}

    def __repr__(self):
        return f"<toy {self.name}>"


class Frame:
    __slots__ = ("act", "func", "pc", "regs", "ret")

    def __init__(self, func, regs, ret=0, act=None):
        self.func = func
        self.regs = regs
        self.pc = 0
        self.ret = ret
        self.act = act


REGS_OFFSET = slot_offset(Frame, "regs")


class Activation:
    def __init__(self):
        self.frames: list[Frame] = []


class ToyError(Exception):
    def __init__(self, msg, where=None):
        super().__init__(msg)
        self.where = where


def _arith(op, x, y):
    if op == "add":
        return x + y
    if op == "sub":
        return x - y
    if op == "mul":
        return x * y
    if op == "div":
        return x / y
    if op == "mod":
        if y == 0:
            raise ToyError("modulo by zero")
        return x % y
    if op == "lt":
        return x < y
    if op == "le":
        return x <= y
    return x == y


class ToyInterp(Language):
    def __init__(self, funcs, config=None):
        self.funcs = {f.name: f for f in funcs}
        self.output: list = []
        self.mt = MT(self, config)
        self.ts = self.mt.thread_state()
        self.resumes = 0

    # ---- Language

    def resume(self, ts, frame, frames, exc):
        self.resumes += 1
        act = frame.act
        assert act.frames[-1] is frame, "a trace is entered from the top frame"
        root = frames[0]
        assert root.values[0] is frame
        frame.pc = root.pc
        for rf in frames[1:]:
            f = Frame(rf.desc, rf.values[0], ret=rf.values[1], act=act)
            f.pc = rf.pc
            act.frames.append(f)
        return act.frames[-1]

    # ---- running

    def location(self, func, pc):
        loc = func.locs.get(pc)
        if loc is None:
            loc = func.locs[pc] = self.mt.location(f"{func.name}:{pc}")
        return loc

    def run(self, name, *args):
        func = self.funcs[name]
        regs = [None] * func.nregs
        regs[: len(args)] = args
        act = Activation()
        frame = Frame(func, regs, act=act)
        act.frames.append(frame)
        ts, mt = self.ts, self.mt
        depth = ts.enter()
        recording = None
        try:
            while True:
                ins = frame.func.code[frame.pc]
                op = ins[0]
                if op == "loop":
                    loc = self.location(frame.func, frame.pc)
                    if recording is not None:
                        if mt.tracing_control_point(loc, ts, frame) == STOP_TRACING:
                            recording = None
                    else:
                        loc.ticks -= 1
                        if loc.ticks < 0:
                            action = mt.control_point(loc, ts, frame)
                            if action == START_TRACING:
                                recording = ToyRecording(self, ts.recording, frame)
                            elif action == EXECUTED:
                                frame = act.frames[-1]
                                continue
                if recording is not None:
                    try:
                        recording.record(frame, ins)
                    except TraceAbort as e:
                        mt.abort_tracing(ts, str(e))
                        recording = None
                if op == "ret":
                    value = frame.regs[ins[1]]
                    act.frames.pop()
                    if not act.frames:
                        return value
                    caller = act.frames[-1]
                    caller.regs[frame.ret] = value
                    frame = caller
                    continue
                if op == "call":
                    callee = self.funcs[ins[2]]
                    regs = [None] * callee.nregs
                    for i, r in enumerate(ins[3]):
                        regs[i] = frame.regs[r]
                    frame.pc += 1
                    frame = Frame(callee, regs, ret=ins[1], act=act)
                    act.frames.append(frame)
                    continue
                frame.pc = self.step(frame, ins, op)
        except BaseException as e:
            if recording is not None:
                mt.abort_tracing(ts, f"error: {e}")
            frame = act.frames[-1]
            if isinstance(e, ToyError) and e.where is None:
                e.where = (frame.func.name, frame.pc)
            raise
        finally:
            ts.leave(depth)

    def step(self, frame, ins, op) -> int:
        R = frame.regs
        pc = frame.pc
        if op == "k":
            R[ins[1]] = ins[2]
        elif op == "mov":
            R[ins[1]] = R[ins[2]]
        elif op in ("add", "sub", "mul", "div", "mod", "lt", "le", "eq"):
            R[ins[1]] = _arith(op, R[ins[2]], R[ins[3]])
        elif op == "jmp":
            return ins[1]
        elif op == "jf":
            if R[ins[1]] is False:
                return ins[2]
        elif op == "pycall":
            R[ins[1]] = R[ins[2]](*[R[r] for r in ins[3]])
        elif op == "pcall":
            try:
                R[ins[1]] = (True, R[ins[2]](*[R[r] for r in ins[3]]))
            except ToyError as e:
                R[ins[1]] = (False, e)
        elif op == "get":
            R[ins[1]] = R[ins[2]][R[ins[3]]]
        elif op == "set":
            R[ins[1]][R[ins[2]]] = R[ins[3]]
        elif op == "len":
            R[ins[1]] = len(R[ins[2]])
        elif op == "out":
            self.output.append(R[ins[1]])
        elif op != "loop":
            raise ToyError(f"bad instruction {ins!r}")
        return pc + 1
