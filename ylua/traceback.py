"""Stack tracebacks in PUC's format (cf. luaL_traceback)."""

from __future__ import annotations

from ylua import opcodes as op
from ylua.debuginfo import func_name_for_call
from ylua.values import Builtin

CALLS = (op.CALL, op.TAILCALL, op.TFORCALL)
LEVELS1, LEVELS2 = 10, 11  # a long traceback shows its first LEVELS1 and its last LEVELS2 levels (PUC's lauxlib)


def elide(levels: list[str]) -> list[str]:
    """luaL_traceback's cut of a deep stack, with its count: the level where the cut is made is not shown and not
    counted either."""
    if len(levels) <= LEVELS1 + LEVELS2 + 1:
        return levels
    skipped = len(levels) - LEVELS1 - LEVELS2 - 1
    return levels[:LEVELS1] + [f"...\t(skipping {skipped} levels)"] + levels[-LEVELS2:]


def describe_function(proto, caller_proto, caller_pc) -> str:
    """'function 'f'', 'local 'f'', 'method 'm'', 'main chunk' or 'function <file:line>'."""
    if proto.name == "main chunk":
        return "main chunk"
    if caller_proto is not None:
        info = func_name_for_call(caller_proto, caller_pc)
        if info is not None and info[0] != "constant":
            kind, name = info
            if kind == "global":
                return f"function '{name}'"
            if kind == "for iterator":
                return "for iterator 'for iterator'"
            return f"{kind} '{name}'"
    return f"function <{proto.source}:{proto.line}>"


def frame_lines(frames) -> list[str]:
    """Lines for running frames, innermost first (frames as yielded by rt.frames())."""
    out = []
    frames = list(frames)
    for f in frames:
        if not hasattr(f, "regs"):  # a built-in's level
            out.append(f"[C]: in function '{f.func.name}'")
            continue
        proto = f.func.proto
        caller = f.parent if f.parent is not None else None
        desc = describe_function(proto, caller.func.proto if caller else None, caller.pc if caller else 0)
        out.append(f"{proto.source}:{f.current_line()}: in {desc}")
    return out


def error_traceback(err) -> str:
    """The traceback recorded on a LuaError while it unwound the frames."""
    levels = []
    where = raise_point(err)
    if where is not None and not hasattr(where, "regs"):  # raised by a built-in
        levels.append(f"[C]: in function '{where.func.name}'")
    entries = err.lua_frames or []
    for proto, pc, caller_proto, caller_pc in entries:
        line = proto.lines[pc] if 0 <= pc < len(proto.lines) else proto.line
        levels.append(f"{proto.source}:{line}: in {describe_function(proto, caller_proto, caller_pc)}")
    levels.append("[C]: in ?")
    return "\n\t".join(["stack traceback:"] + elide(levels))


def chain(f):
    """The running frames from `f` outwards (as rt.frames() yields them from the innermost one)."""
    while f is not None:
        yield f
        f = f.parent if f.parent is not None else f.outer


def raise_point(err):
    """The innermost level running where `err` was raised (a CFrame for a built-in that raised it), found in the
    Python traceback: the Lua frame of the innermost activation of the dispatch loop the error left. None if the
    error did not come out of the dispatch loop."""
    from ylua.frame import CFrame
    from ylua.vm import execute

    frame = None
    tb = err.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code is execute.__code__:
            frame = tb.tb_frame.f_locals.get("frame")
        tb = tb.tb_next
    if frame is None or not hasattr(frame, "regs"):
        return None
    code = frame.func.proto.code
    if 0 <= frame.pc < len(code) and code[frame.pc][0] in CALLS:
        fn = frame.regs[code[frame.pc][1]]
        if type(fn) is Builtin:
            return CFrame(fn, frame)
    return frame


def traceback_text(rt, msg, level: int, frames=None) -> str:
    """debug.traceback: the running thread's levels from `level` (0 = debug.traceback itself, 1 = its caller; the
    main thread ends with the C entry point), or those of another thread's `frames` (0 = its innermost level)."""
    if frames is None:
        levels = ["[C]: in function 'debug.traceback'"] + frame_lines(rt.frames())
        if rt.current_coroutine is None:
            levels.append("[C]: in ?")
    else:
        levels = frame_lines(frames)
    return (msg + "\n" if msg else "") + "\n\t".join(["stack traceback:"] + elide(levels[max(level, 0):]))
