"""Debug hooks (debug.sethook): call, return, line and count events, driven by the dispatch loop's observed
mode (every instruction is shown to the hook before it runs)."""

from __future__ import annotations

from ylua import opcodes as op


class DebugHook:
    def __init__(self, fn, mask: bytes, count: int):
        self.fn = fn
        self.mask = mask
        self.on_call = b"c" in mask
        self.on_return = b"r" in mask
        self.on_line = b"l" in mask
        self.count = count
        self.countdown = count
        self.last_frame = None
        self.positions = {}  # id(frame) -> (line, pc) last seen, for line events after a return
        self.running = False  # hooks do not fire inside the hook function

    def fire(self, rt, event: bytes, line=None):
        self.running = True
        try:
            rt.call(self.fn, [event] if line is None else [event, line])
        finally:
            self.running = False

    def instruction(self, rt, frame, pc: int) -> None:
        if self.running:
            return
        proto = frame.func.proto
        new_frame = frame is not self.last_frame
        if new_frame and pc == 0 and self.on_call:
            self.fire(rt, b"call")
        if proto.code[pc][0] == op.LOOPHEAD:  # ylua's marker of a loop start, not an instruction PUC has
            return
        if self.count:
            self.countdown -= 1
            if self.countdown <= 0:
                self.countdown = self.count
                self.fire(rt, b"count")
        line = proto.lines[pc]
        last_line, last_pc = self.positions.get(id(frame), (-1, -1))
        if self.on_line and (line != last_line or pc <= last_pc):
            self.fire(rt, b"line", line)
        self.positions[id(frame)] = (line, pc)
        self.last_frame = frame
        o = proto.code[pc][0]
        if o in (op.RETURN, op.TAILCALL):
            self.positions.pop(id(frame), None)
            if self.on_return:
                self.fire(rt, b"return" if o == op.RETURN else b"tail call")

    def builtin_event(self, rt, event: bytes) -> None:
        """Call and return events of a built-in function called from an observed frame."""
        if not self.running and (self.on_call if event == b"call" else self.on_return):
            self.fire(rt, event)
