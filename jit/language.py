"""What an interpreter provides to the MT, and how its dispatch loop uses the MT (the driver contract).

The dispatch loop, at every loop start (backward-jump target, numeric/generic for loop):

    loc = <the Location of this pc, created once with mt.location("file:line")>
    if recording_here:                                    # this activation is recording a trace
        if mt.tracing_control_point(loc, ts, frame) == STOP_TRACING:
            recording_here = False
    else:
        loc.ticks -= 1
        if loc.ticks < 0:
            act = mt.control_point(loc, ts, frame)
            if act == START_TRACING: recording_here = True    # record from this instruction on (ts.recording)
            elif act == EXECUTED: reload frame/pc from wherever Language.resume put them

While recording_here, before executing each instruction the language describes it to `ts.recording` (a Recorder). On
an error, a return below the trace's root frame, a coroutine switch, or anything it cannot record, it calls
mt.abort_tracing(ts, reason) and stops recording. An activation that ends must not leave its recording behind.
"""

from __future__ import annotations


class Language:
    # Whether the language records side traces: after a deopt that starts one, it must take ts.side_recording and
    # record from the frames it just rebuilt (see MT._start_side_tracing).
    side_traces = False

    def resume(self, ts, frame, frames, exc):
        """Rebuild interpreter state after leaving a trace that was entered with `frame`.

        `frames` are jit.resume.ResumeFrame objects, outermost first (frames[0] is the trace's root frame); the
        interpreter continues at frames[-1].pc. When `exc` is not None the trace left because an operation raised:
        rebuild the frames (as they were when the operation failed) and return; the MT then raises `exc` from the
        control point so that the dispatch loop handles it as if the instruction at that pc had raised it.
        Whatever this returns is stored in ts.resume_value for the dispatch loop."""
        raise NotImplementedError

    def resume_call(self, ts, frames, exc):
        """Finish a call that a function trace started (its exit rebuilt `frames`, outermost first; frames[0] is the
        traced function's own frame) and return the function's result; raise what the call raises. When `exc` is
        not None, the operation at frames[-1].pc raised it: raise it from there. A side recording the MT started
        (ts.side_recording) records from these frames until the function returns."""
        raise NotImplementedError

    def current_thread_state(self):
        """The ThreadState of the running interpreter thread (for events logged from inside compiled code)."""
        return None
