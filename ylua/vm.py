"""The dispatch loop (cf. PUC's lvm.c + ldo.c).

`execute(rt, frame)` runs one *activation*: the entry frame and every Lua function it calls, which push frames
inside this same loop (no Python recursion per Lua call). Anything that calls back into Lua from Python —
metamethods, xpcall, sort comparators, gsub callbacks — starts a new activation through rt.call: nested execution
that the JIT sees as such. pcall of a Lua function is the exception: its frame runs in the caller's activation
(`enter_protected`), with a pcall level between them in the chain of frames, and an error that unwinds to that
frame resumes the caller with false and the error (cf. LuaJIT's pcall frames).

Most instructions run as threaded closures (ylua/threaded.py). The ones that switch frames or need the loop's
state come back here as `~pc`.
"""

from __future__ import annotations

from ylua import opcodes as op
from ylua.arith import metamethod
from ylua.debuginfo import func_name_for_call, operand_info
from ylua.errors import ArgError, LuaError
from ylua.frame import CFrame, Frame
from ylua.operand_error import OperandError
from ylua.threaded import build_threaded
from ylua.values import Builtin, LuaFunction, type_name

MAX_LUA_DEPTH = 195000  # frames in one activation: beyond this, "stack overflow" (PUC: LUAI_MAXSTACK)
MAX_C_DEPTH = 200  # nested activations and pcall levels: beyond this, "C stack overflow" (PUC: LUAI_MAXCCALLS)
MAX_VARARG_SLOTS = 1000000  # extra arguments held by the frames of one activation (PUC counts them as stack slots)

CALL, TAILCALL, RETURN, VARARG = op.CALL, op.TAILCALL, op.RETURN, op.VARARG
TFORCALL, TFORPREP, TBC, CLOSE, JMP, SETLIST = op.TFORCALL, op.TFORPREP, op.TBC, op.CLOSE, op.JMP, op.SETLIST
LOOP_STARTS = op.LOOP_STARTS


def threaded_code(rt, proto):
    code = proto.threaded
    if code is None:
        code = proto.threaded = build_threaded(rt, proto)
    return code


def recording_code(rt, proto):
    """While a trace is recorded (or a debug hook is set) every instruction comes back to the loop, which shows
    it to the recorder and the hook before running it."""
    code = proto.recording
    if code is None:
        threaded_code(rt, proto)
        code = proto.recording = [_signal(pc) for pc in range(len(proto.code))]
    return code


def _signal(pc):
    signal = ~pc

    def h(R, U):
        return signal

    return h


def new_frame(fn, args: list, parent, ret_a: int, ret_c: int) -> Frame:
    """A frame for calling Lua function `fn` with `args` (a fresh list that the frame may keep)."""
    p = fn.proto
    np = p.num_params
    n = len(args)
    varargs = None
    if n > np:
        if p.is_vararg:
            varargs = args[np:]
        del args[np:]
    elif n < np:
        args.extend([None] * (np - n))
    args.extend([None] * (p.max_stack - np))
    return Frame(fn, args, varargs, parent, ret_a, ret_c)


def resolve_call(rt, fn, args):
    """Follow __call metamethods until `fn` is a function; returns (fn, args)."""
    while True:
        tf = type(fn)
        if tf is LuaFunction or tf is Builtin:
            return fn, args
        mm = metamethod(rt, fn, b"__call")
        if mm is None:
            raise OperandError(f"attempt to call a {type_name(fn)} value", 0)
        args = [fn] + args
        fn = mm


def execute(rt, frame: Frame, depth: int = 0, top: int = 0) -> list:
    """Run the activation whose entry frame is `frame`; returns the entry frame's results. (A function trace's exit
    resumes an activation in the middle: `frame` is then the innermost of depth + 1 rebuilt frames, with `top` set.)"""
    R = frame.regs
    func = frame.func
    U = func.upvals
    proto = func.proto
    code = proto.threaded or threaded_code(rt, proto)
    pc = frame.pc
    observed = rt.recorder is not None or rt.hook is not None
    if observed:
        code = recording_code(rt, proto)
    rt.cur_frame = frame
    entry = frame
    for _ in range(depth):
        entry = caller_in_activation(entry)
    if entry.parent is not None and entry.outer is None:
        # its parent is a frame of another activation (a native level's stand-in, or the interpreter frame below
        # them): `outer` says so to whatever walks frames (a trace returning to its caller checks it)
        entry.outer = entry.parent
    vararg_slots = 0  # a recursion that passes on growing varargs overflows by their total, not by its depth
    while True:
        try:
            while pc >= 0:
                pc = code[pc](R, U)
            pc = ~pc
            if observed:
                # every instruction is shown to the debug hook and/or the JIT's trace recorder first
                frame.pc = pc
                if rt.hook is not None:
                    rt.hook.instruction(rt, frame, pc)
                if rt.recorder is not None:
                    rt.recorder.record(rt, frame, pc)
                if rt.recorder is None and rt.hook is None:  # nothing observes any more: back to plain code
                    observed = False
                    code = proto.threaded
                    continue
                npc = proto.plain[pc](R, U)
                if npc >= 0:
                    pc = npc
                    continue
                pc = ~npc
            ins = proto.code[pc]
            o = ins[0]
            if o == CALL or o == TFORCALL:
                a = ins[1]
                fn = R[a]
                if o == CALL:
                    b = ins[2]
                    args = R[a + 1:a + b] if b else R[a + 1:top]
                    ret_a, ret_c = a, ins[3]
                else:
                    args = [R[a + 1], R[a + 2]]
                    ret_a, ret_c = a + 4, ins[2] + 1
                if type(fn) is not LuaFunction and type(fn) is not Builtin:
                    fn, args = resolve_call(rt, fn, args)
                frame.pc = pc
                if type(fn) is LuaFunction:
                    vals = None
                    if rt.jit_driver is not None and (fn.proto.jit_call is not None or fn.proto is proto or observed):
                        # the JIT may run the call natively (a function trace), or start recording one
                        vals = rt.jit_driver.calls.call_point(rt, fn, args, ret_c, fn.proto is proto)
                        observed = rt.recorder is not None or rt.hook is not None
                        code = recording_code(rt, proto) if observed else proto.threaded
                    if vals is None:
                        if depth >= MAX_LUA_DEPTH:
                            raise LuaError(b"stack overflow", needs_where=True)
                        depth += 1
                        frame = new_frame(fn, args, frame, ret_a, ret_c)
                        if frame.varargs:
                            vararg_slots += len(frame.varargs)
                            if vararg_slots > MAX_VARARG_SLOTS:
                                frame = frame.parent
                                depth -= 1
                                raise LuaError(b"stack overflow", needs_where=True)
                        rt.cur_frame = frame
                        R = frame.regs
                        U = fn.upvals
                        proto = fn.proto
                        code = proto.threaded or threaded_code(rt, proto)
                        if observed:
                            code = recording_code(rt, proto)
                        pc = 0
                        continue
                else:
                    if fn is rt.pcall_builtin and args and type(args[0]) is LuaFunction and (
                            not observed or rt.hook is None and rt.recorder.takes_pcall()):
                        callee = enter_protected(rt, fn, frame, args, ret_a, ret_c)
                        if callee is not None:
                            if depth >= MAX_LUA_DEPTH:
                                leave_protected(rt, callee)
                                raise LuaError(b"stack overflow", needs_where=True)
                            depth += 1
                            frame = callee
                            if frame.varargs:
                                vararg_slots += len(frame.varargs)
                            rt.cur_frame = frame
                            R = frame.regs
                            U = frame.func.upvals
                            proto = frame.func.proto
                            code = proto.threaded or threaded_code(rt, proto)
                            if observed:
                                code = recording_code(rt, proto)
                            pc = 0
                            continue
                    rt.c_builtin = fn
                    if observed and rt.hook is not None:
                        rt.hook.builtin_event(rt, b"call")
                    vals = fn.fn(*args)
                    if rt.hook is not None:  # debug.sethook may have just set it
                        rt.hook.builtin_event(rt, b"return")  # while the built-in is still a level
                        if not observed:
                            observed = True
                            code = recording_code(rt, proto)
                    rt.c_builtin = None
                    if observed:  # a recording specialises on how many results the built-in returned
                        rt.builtin_results = vals
                pc += 1
            elif o == RETURN or o == TAILCALL:
                a, b = ins[1], ins[2]
                if o == TAILCALL:
                    fn = R[a]
                    args = R[a + 1:a + b] if b else R[a + 1:top]
                    if type(fn) is not LuaFunction and type(fn) is not Builtin:
                        fn, args = resolve_call(rt, fn, args)
                    if type(fn) is LuaFunction:  # the callee replaces this frame
                        if rt.jit_driver is not None and not observed and (fn.proto.jit_call is not None
                                                                           or fn.proto is proto):
                            frame.pc = pc
                            rt.jit_driver.calls.tail_call_point(rt, fn, fn.proto is proto)
                            observed = rt.recorder is not None
                        if frame.varargs:
                            vararg_slots -= len(frame.varargs)
                        outer = frame.outer  # an activation's entry frame: its replacement is the entry now
                        frame = new_frame(fn, args, frame.parent, frame.ret_a, frame.ret_c)
                        frame.outer = outer
                        if frame.varargs:
                            vararg_slots += len(frame.varargs)
                            if vararg_slots > MAX_VARARG_SLOTS:
                                raise LuaError(b"stack overflow", needs_where=True)
                        rt.cur_frame = frame
                        R = frame.regs
                        U = fn.upvals
                        proto = fn.proto
                        code = proto.threaded or threaded_code(rt, proto)
                        if observed:
                            code = recording_code(rt, proto)
                        pc = 0
                        continue
                    frame.pc = pc
                    rt.c_builtin = fn
                    vals = fn.fn(*args)
                    rt.c_builtin = None
                    if observed:
                        rt.builtin_results = vals
                else:
                    if b == 2:
                        vals = (R[a],)
                    elif b:
                        vals = R[a:a + b - 1]
                    else:
                        vals = R[a:top]
                    if frame.tbc:
                        frame.pc = pc
                        rt.close_frame(frame, 0, None)
                if depth == 0:
                    return list(vals)
                depth -= 1
                if frame.varargs:
                    vararg_slots -= len(frame.varargs)
                ret_a, ret_c = frame.ret_a, frame.ret_c
                if frame.parent is None:  # the function of an in-VM pcall returns: pcall returns true and its results
                    vals = (True, *vals)
                    frame = leave_protected(rt, frame)
                else:
                    frame = frame.parent
                rt.cur_frame = frame
                R = frame.regs
                func = frame.func
                U = func.upvals
                proto = func.proto
                code = recording_code(rt, proto) if observed else proto.threaded
                pc = frame.pc + 1
            elif o in LOOP_STARTS and rt.jit_driver is not None and not observed:
                # the JIT's control point: it may count, start or stop recording, or run a compiled trace
                # that leaves us in another frame (inlined frames rebuilt at a deopt)
                loc = proto.jit_data.get(pc) if proto.jit_data is not None else None
                if loc is not None and loc.ticks > 0:  # still counting (or never traced): the loop runs on
                    loc.ticks -= 1
                    pc = proto.plain[pc](R, U)
                    continue
                frame.pc = pc
                entered = rt.jit_driver.control_point(rt, frame, pc)
                if entered is None:  # no trace ran: the loop instruction itself runs
                    observed = rt.recorder is not None or rt.hook is not None
                    if observed:
                        code = recording_code(rt, proto)
                    pc = proto.plain[pc](R, U)
                    continue
                frame, extra, exc, rtop = entered
                depth += extra
                R = frame.regs
                func = frame.func
                U = func.upvals
                proto = func.proto
                rt.cur_frame = frame
                observed = rt.recorder is not None or rt.hook is not None
                code = recording_code(rt, proto) if observed else proto.threaded or threaded_code(rt, proto)
                pc = frame.pc
                if rtop is not None:
                    top = rtop
                if exc is not None:  # the trace left because an operation raised: it raises here
                    raise exc
                if proto.code[pc][0] in LOOP_STARTS:  # left at a loop start: run it, do not re-enter the trace
                    pc = proto.plain[pc](R, U)
                continue
            else:
                pc, top = other_special(rt, frame, R, pc, ins, top)
                continue
            # results `vals` go to registers ret_a... of the (now) current frame
            if ret_c == 2:
                R[ret_a] = vals[0] if vals else None
            elif ret_c == 0:
                n = len(vals)
                R[ret_a:ret_a + n] = vals
                top = ret_a + n
            elif ret_c != 1:
                want = ret_c - 1
                n = len(vals)
                for i in range(want):
                    R[ret_a + i] = vals[i] if i < n else None
        except BaseException as exc:
            rt.c_builtin = None
            if rt.recorder is not None:  # the activation being recorded raises: the recording stops
                rt.recorder.error(exc)
            frame.pc = pc
            err, unwound = unwind(rt, frame, depth, exc)
            if unwound is None:
                try:
                    raise err from None
                finally:
                    del err  # a local holding the error makes a cycle (its traceback holds this frame): GC work
            # an in-VM pcall catches the error: its caller goes on with false and the error value
            depth -= len(unwound)
            vararg_slots -= sum(len(f.varargs) for f in unwound if f.varargs)
            entry = unwound[-1]
            frame = leave_protected(rt, entry)
            rt.cur_frame = frame
            R = frame.regs
            func = frame.func
            U = func.upvals
            proto = func.proto
            observed = rt.recorder is not None or rt.hook is not None
            code = recording_code(rt, proto) if observed else proto.threaded
            pc = frame.pc + 1
            top = place_results(R, entry.ret_a, entry.ret_c, (False, err.value), top)
            del err


def other_special(rt, frame, R, pc, ins, top):
    """The rarer instructions that need the loop's state; returns (next pc, top)."""
    o, a, b, c, d = ins
    if o == VARARG:
        va = frame.varargs or ()
        if b:
            n = len(va)
            for i in range(b - 1):
                R[a + i] = va[i] if i < n else None
            return pc + 1, top
        n = len(va)
        R[a:a + n] = va
        if len(R) < a + n:
            R.extend([None] * (a + n - len(R)))
        return pc + 1, a + n
    if o == JMP:
        frame.pc = pc
        rt.close_frame(frame, b - 1, None)
        return a, top
    if o == CLOSE:
        frame.pc = pc
        rt.close_frame(frame, a, None)
        return pc + 1, top
    if o == TBC or o == TFORPREP:
        reg = a if o == TBC else a + 3
        rt.mark_tbc(frame, reg, pc)
        return (pc + 1 if o == TBC else b), top
    if o == SETLIST:
        R[a].set_list(c + 1, R[a + 1:top])
        return pc + 1, top
    raise AssertionError(f"unexpected special instruction {op.NAMES[o]}")


def unwind(rt, frame, depth, exc):
    """An error unwinds the activation's frames: word it (position, variable info), close the to-be-closed variables
    of every frame it unwinds and record the traceback, until it leaves the activation or reaches the frame of an
    in-VM pcall that catches it. Returns (the LuaError, None) or (the LuaError, the frames unwound, innermost first:
    the last one is that pcall's)."""
    try:
        err = lua_error_for(rt, frame, exc)
    except BaseException:  # not a Lua error: it leaves the activation through its pcall levels
        f = frame
        for _ in range(depth):
            if f.parent is None:
                leave_protected(rt, f)
            f = caller_in_activation(f)
        raise
    f = frame
    unwound = []
    for n in range(depth + 1):
        if err.lua_frames is None:
            err.lua_frames = []
        caller = f.parent
        err.lua_frames.append((f.func.proto, f.pc, caller.func.proto if caller else None, caller.pc if caller else 0))
        if f.tbc:
            try:
                rt.close_frame(f, 0, err)
            except LuaError as e2:
                err = e2
        unwound.append(f)
        if n == depth:
            break
        if caller is None:  # an in-VM pcall's function
            co = rt.current_coroutine
            if co is None or not co.closing:  # (coroutine.close unwinds a coroutine through its pcalls)
                return err, unwound
            leave_protected(rt, f)
        f = caller_in_activation(f)
    return err, None


def enter_protected(rt, pcall, caller, args, ret_a, ret_c):
    """pcall(f, ...) for a Lua function f, called by frame `caller`: the frame that runs f in the caller's
    activation, or None when the call is left to the built-in (see may_protect)."""
    if not may_protect(rt):
        return None
    frame = new_frame(args[0], args[1:], None, ret_a, ret_c)
    protect(rt, frame, pcall, caller)
    return frame


def may_protect(rt) -> bool:
    """Whether a pcall may run in its caller's activation now: not at the C-stack limit (whose error the built-in
    words), nor while coroutine.close unwinds the coroutine (the built-in knows which pcalls catch then)."""
    co = rt.current_coroutine
    return rt.c_depth + 1 < MAX_C_DEPTH and (co is None or not co.closing)


def protect(rt, frame, pcall, caller):
    """Make `frame` (with no parent) the function frame of an in-VM pcall called by `caller` (also for frames a
    deopt rebuilds)."""
    rt.c_depth += 1  # a pcall level counts as a C level, as in PUC
    co = rt.current_coroutine
    if co is not None:
        co.protected += 1
    frame.outer = CFrame(pcall, caller)


def leave_protected(rt, frame):
    """The in-VM pcall whose function runs in `frame` ends; returns the frame that called pcall."""
    rt.c_depth -= 1
    co = rt.current_coroutine
    if co is not None:
        co.protected -= 1
    return frame.outer.outer


def caller_in_activation(frame):
    """The frame that `frame` returns to, in the same activation: its parent, or for an in-VM pcall's function the
    frame that called pcall."""
    return frame.parent if frame.parent is not None else frame.outer.outer


def place_results(R, a, c, vals, top) -> int:
    """Store a call's results `vals` in registers a... as the call's c wants (c - 1 values, or all for c = 0);
    returns the new top."""
    if c == 0:
        R[a:a + len(vals)] = vals
        return a + len(vals)
    for i in range(c - 1):
        R[a + i] = vals[i] if i < len(vals) else None
    return top


def check_c_depth(depth: int, caller_builtin, frame):
    """A call that makes `depth` C levels, made while built-in `caller_builtin` or else `frame` runs: as PUC's
    luaE_checkcstack, the call that reaches MAX_C_DEPTH fails with "C stack overflow" (with the position of the
    running level when that is a Lua function), deeper ones are let through (a message handler may run there) up to
    a tenth more, and beyond that fail with "error in error handling"."""
    if depth == MAX_C_DEPTH:
        if caller_builtin is None and type(frame) is Frame:
            raise LuaError(position(frame) + b"C stack overflow")
        raise LuaError(b"C stack overflow")
    if depth >= MAX_C_DEPTH // 10 * 11:
        raise LuaError(b"error in error handling")


def position(frame) -> bytes:
    p = frame.func.proto
    return f"{p.source}:{frame.current_line()}: ".encode()


def lua_error_for(rt, frame, exc) -> LuaError:
    proto = frame.func.proto
    pc = frame.pc
    if isinstance(exc, LuaError):
        if exc.needs_where:
            exc.needs_where = False
            if type(exc.value) is bytes:
                exc.value = position(frame) + exc.value
        return exc
    if isinstance(exc, OperandError):
        return LuaError(position(frame) + (exc.message + operand_info(proto, pc, exc.position)).encode())
    if isinstance(exc, ArgError):
        return LuaError(position(frame) + arg_error_message(proto, pc, exc).encode())
    if isinstance(exc, RecursionError):
        return LuaError(position(frame) + b"C stack overflow")
    if isinstance(exc, MemoryError):
        return LuaError(b"not enough memory")
    raise exc


def arg_error_message(proto, pc, exc: ArgError, fallback_name="?") -> str:
    n = exc.n
    info = func_name_for_call(proto, pc)
    name = info[1] if info else fallback_name
    if info and info[0] == "method":
        n -= 1
        if n == 0:
            return f"calling '{name}' on bad self ({exc.msg})"
    return f"bad argument #{n} to '{name}' ({exc.msg})"
