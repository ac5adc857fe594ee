"""Stack tracebacks in PUC's format (cf. luaL_traceback)."""

from __future__ import annotations

from ylua.debuginfo import func_name_for_call


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
    lines = ["stack traceback:"]
    entries = err.lua_frames or []
    for proto, pc, caller_proto, caller_pc in entries:
        line = proto.lines[pc] if 0 <= pc < len(proto.lines) else proto.line
        lines.append(f"\t{proto.source}:{line}: in {describe_function(proto, caller_proto, caller_pc)}")
    lines.append("\t[C]: in ?")
    return "\n".join(lines)


def traceback_text(rt, msg, level: int) -> str:
    lines = frame_lines(rt.frames())[max(level - 1, 0):]
    text = "stack traceback:\n\t[C]: in ?" if not lines else "stack traceback:\n\t" + "\n\t".join(lines)
    if not lines:
        return (msg + "\n" if msg else "") + text
    return (msg + "\n" if msg else "") + text + "\n\t[C]: in ?"
