"""Background compilation (cf. yk's compile worker): the main thread prepares a trace's LLVM IR text and goes on
interpreting; worker threads do all the llvmlite binding work (parse, optimise, emit, link), during which LLVM
releases the GIL; the main thread installs finished code at its next control point.

Tier-ups (recompiling installed code at a higher level, see jit/backend/llvm/__init__.py) wait in a second queue
and are built only when no trace has waited for its first code for a while (QUIET), hottest first (job.heat()).

Workers are daemon threads. At exit, queued compilations are dropped and only the one in flight is awaited (LLVM
must not be inside a compilation when the process runs its C++ static destructors; a process that ends with
os._exit runs none and does not wait); a worker that does not finish within a few seconds is abandoned, so
shutdown never hangs. A worker never raises: a failure comes back as the
job's error and is reported like any compilation failure.
"""

from __future__ import annotations

import atexit
import collections
import queue
import sys
import threading
import time

from jit import gil
from jit.backend import CompileError
from jit.compile import build_job


_exit_skips_cleanup = False
# Seconds without first compilations before a tier-up starts: a program still finding new paths needs its new
# traces first (a tier-up of 2000 lines holds the worker for 0.1-0.2 s).
QUIET = 0.1


def exit_skips_cleanup():
    """The process is about to end with os._exit (no C++ static destructors run): shutting down need not wait for
    the compilation in flight."""
    global _exit_skips_cleanup
    _exit_skips_cleanup = True


class Pending:
    """A trace being compiled in the background, and what to do when it is ready."""

    __slots__ = ("trace", "job", "on_ready", "on_failure", "error", "seconds", "tier_up")

    def __init__(self, trace, job, on_ready, on_failure, tier_up: bool = False):
        self.trace = trace
        self.job = job
        self.on_ready = on_ready
        self.on_failure = on_failure
        self.error = None
        self.seconds = 0.0
        self.tier_up = tier_up  # recompiling installed code: built only when no other compilation waits


class CompileWorker:
    def __init__(self, jobs: int):
        self.todo: queue.SimpleQueue = queue.SimpleQueue()
        self.later: collections.deque = collections.deque()  # tier-ups
        self.done: collections.deque = collections.deque()
        self.pending = 0
        self.closing = False
        self.lock = threading.Lock()
        self.active = 0  # builds under way
        self.queued = 0  # first compilations submitted and not yet taken by a worker
        self.hot_waiting = 0  # 1 while a hot tier-up waits (loops poll for the worker meanwhile, jit/gil.py)
        self.last_build = 0.0  # when the last build of first code ended
        self.saved_interval = None  # the switch interval to restore once the worker no longer wants the GIL
        self.threads = [threading.Thread(target=self._run, name=f"jit-compile-{k}", daemon=True)
                        for k in range(jobs)]
        for t in self.threads:
            t.start()
        atexit.register(self.close)

    def close(self, wait: float | None = None):
        self.closing = True
        if wait is None:
            wait = 0.0 if _exit_skips_cleanup else 5.0
        deadline = time.monotonic() + wait
        for t in self.threads:
            t.join(max(0.0, deadline - time.monotonic()))

    def submit(self, pending: Pending):
        self.pending += 1
        if pending.tier_up:
            with self.lock:
                self.later.append(pending)
                self._wants_gil()
        else:
            with self.lock:  # queued first compilations want the GIL too: the worker must get it to take them
                self.queued += 1
                self._wants_gil()
            self.todo.put(pending)

    def _run(self):
        while not self.closing:
            try:  # with tier-ups waiting, look at them every 10 ms; first compilations are taken as they come
                p = self.todo.get(timeout=0.01 if self.later else 0.05)
            except queue.Empty:
                p = self._hottest_tier_up()
                if p is None:
                    continue
            if self.closing:
                return
            t0 = time.perf_counter()
            # llvmlite makes many short foreign calls; after each one the worker must take the GIL back from the
            # interpreting thread, which by default gives it up only every 5 ms: a compilation would take five times
            # longer. A short switch interval while the worker builds keeps that wait small; native loops let the GIL
            # go too (jit/gil.py).
            self._building(+1, taken=0 if p.tier_up else 1)
            try:
                build_job(p.job, hurry=self.queued > 0)
            except CompileError as e:  # reported on the main thread, never lost
                p.error = str(e)
            finally:
                self._building(-1)
            p.seconds = time.perf_counter() - t0
            if not p.tier_up:
                self.last_build = time.monotonic()
            self.done.append(p)

    def _hottest_tier_up(self):
        """The waiting tier-up whose code runs most (job.heat()), taken off the queue; None when none is hot yet,
        or first compilations ended less than QUIET ago (loops then keep polling, so that the worker gets the GIL
        back soon to take it)."""
        with self.lock:  # the main thread submits meanwhile: iterating over the queue itself could see it change
            waiting = list(self.later)
        heat, best = max(((p.job.heat(), p) for p in waiting), key=lambda hp: hp[0]) if waiting else (0, None)
        waits = heat > 0 and time.monotonic() - self.last_build < QUIET
        self._set_hot_waiting(waits)
        if heat == 0 or waits:
            return None
        with self.lock:
            if best not in self.later:  # another worker took it
                return None
            self.later.remove(best)
        return best

    def _building(self, delta: int, taken: int = 0):
        """Count the builds under way (the first one shortens the switch interval, see _wants_gil), and the queued
        ones a worker has just `taken`."""
        with self.lock:
            self.active += delta
            self.queued -= taken
            self._wants_gil()

    def _set_hot_waiting(self, hot: bool):
        with self.lock:
            self.hot_waiting = int(hot)
            self._wants_gil()

    def _wants_gil(self):
        """While it builds, or tier-ups wait for it, the worker keeps taking the GIL back: loops poll while it builds
        or a tier-up is hot (jit/gil.py), and the switch interval is short, since a thread that waits for the GIL
        asks for it only after a whole interval without a switch, and a polling loop's releases count as switches
        (a 5 ms interval next to 0.6 ms polls kept array_rw's tier-up waiting for a second)."""
        gil.set_builds_in_flight(self.active + self.queued + self.hot_waiting)
        wants = self.active > 0 or self.queued > 0 or bool(self.later)
        if wants and self.saved_interval is None:
            self.saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(gil.SWITCH_INTERVAL)
        elif not wants and self.saved_interval is not None:
            sys.setswitchinterval(self.saved_interval)
            self.saved_interval = None

    def finished(self):
        """The compilations that ended since the last call (main thread)."""
        done = self.done
        while done:
            self.pending -= 1
            yield done.popleft()
