"""Locations: one per loop start in the language's program, created lazily by the language.

State diagram (cf. yk's location.rs):

                 ticks < 0                 loop closed               code ready
    Counting(n) ----------> Tracing ----------------------> Compiling ------------> Compiled(trace)
        ^                     |                                 |                         |
        |   abort             |      compilation failed         |     trace dropped       |
        +---------------------+---------------------------------+-------------------------+
        |
        | 5 failures (abort or compilation failure) in all
        v
    DontTrace   (never traced again; the counter is parked so the control point is never called)

The hot path lives in the language's dispatch loop and costs one attribute decrement and one compare:

    loc.ticks -= 1
    if loc.ticks < 0:
        action = mt.control_point(loc, thread_state, frame)

`ticks` starts at threshold - 1, so the control point is first called on the threshold-th visit after the first
(threshold 0: on the very first visit). While Tracing, Compiling or Compiled, ticks stays negative so that every visit
reaches the control point (which executes a compiled trace, or passes through); DontTrace parks ticks at a huge value.
"""

from __future__ import annotations

COUNTING, TRACING, COMPILING, COMPILED, DONT_TRACE = "counting", "tracing", "compiling", "compiled", "dont-trace"
PARKED = 1 << 62


class Location:
    __slots__ = ("ticks", "state", "trace", "failures", "waits", "retries", "waiters", "label", "__weakref__")

    def __init__(self, label: str, threshold: int):
        self.ticks = threshold - 1
        self.state = COUNTING
        self.trace = None
        self.failures = 0
        self.waits = 0  # transient aborts so far (bounded by the MT's MAX_LOCATION_WAITS)
        self.retries = 0  # counts begun again after an abort (see _recount)
        self.waiters = None  # what waits for this location's trace (see MT.abort_tracing): woken when it settles
        self.label = label

    def __repr__(self):
        return f"<Location {self.label} {self.state}>"

    # Transitions, called by the MT only.

    def start_tracing(self):
        assert self.state == COUNTING
        self.state = TRACING
        self.ticks = -1

    def start_compiling(self):
        assert self.state == TRACING
        self.state = COMPILING

    def compiled(self, trace):
        self.state = COMPILED
        self.trace = trace
        self.ticks = -1

    def failed(self, threshold: int, max_failures: int) -> bool:
        """An abort or a compilation failure: back to Counting (with a fresh count), or DontTrace after too many.
        Returns True when the location became DontTrace."""
        self.failures += 1
        self.trace = None
        if self.failures >= max_failures:
            self.state = DONT_TRACE
            self.ticks = PARKED
            return True
        self._recount(threshold)
        return False

    def count_again(self, threshold: int):
        """A recording aborted for a passing reason (a transient abort): count again from scratch, no failure held
        against the location."""
        self.trace = None
        self._recount(threshold)

    def _recount(self, threshold: int):
        """Count again after an abort, a few visits short of the threshold, differently each time (LuaJIT's random
        penalty bits, deterministic here): a loop whose visits come in a fixed pattern (a work-list loop that runs
        one iteration and leaves at every other visit) would otherwise start each recording at the same kind of
        visit, and fail the same way each time."""
        self.retries += 1
        self.state = COUNTING
        self.ticks = threshold - 1 - self.retries % 4

    def retry_later(self):
        """Hot but cannot trace right now (another recording is running): ask again on the next visit."""
        self.ticks = 0

    def drop_trace(self, threshold: int):
        """The compiled trace was invalidated: count again from scratch."""
        self.trace = None
        self.state = COUNTING
        self.ticks = threshold - 1
