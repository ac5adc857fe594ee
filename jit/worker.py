"""Background compilation (cf. yk's compile worker): the main thread prepares a trace's LLVM IR text and goes on
interpreting; worker threads do all the llvmlite binding work (parse, optimise, emit, link), during which LLVM
releases the GIL; the main thread installs finished code at its next control point.

Workers are daemon threads: the process never waits for a pending compilation at exit. A worker never raises: a
failure comes back as the job's error and is reported like any compilation failure.
"""

from __future__ import annotations

import collections
import queue
import threading
import time

from jit.backend import CompileError


class Pending:
    """A trace being compiled in the background, and what to do when it is ready."""

    __slots__ = ("trace", "job", "on_ready", "on_failure", "error", "seconds")

    def __init__(self, trace, job, on_ready, on_failure):
        self.trace = trace
        self.job = job
        self.on_ready = on_ready
        self.on_failure = on_failure
        self.error = None
        self.seconds = 0.0


class CompileWorker:
    def __init__(self, jobs: int):
        self.todo: queue.SimpleQueue = queue.SimpleQueue()
        self.done: collections.deque = collections.deque()
        self.pending = 0
        for k in range(jobs):
            threading.Thread(target=self._run, name=f"jit-compile-{k}", daemon=True).start()

    def submit(self, pending: Pending):
        self.pending += 1
        self.todo.put(pending)

    def _run(self):
        while True:
            p = self.todo.get()
            t0 = time.perf_counter()
            try:
                p.job.build()
            except CompileError as e:
                p.error = str(e)
            except Exception as e:  # noqa: BLE001 - reported on the main thread, never lost
                p.error = f"compile worker: {type(e).__name__}: {e}"
            p.seconds = time.perf_counter() - t0
            self.done.append(p)

    def finished(self):
        """The compilations that ended since the last call (main thread)."""
        done = self.done
        while done:
            self.pending -= 1
            yield done.popleft()
