"""YKD_LOG_STATS: counters and durations, written as JSON when the MT shuts down (or at exit).

    {"traces_recorded_ok": 1, "traces_recorded_err": 0, "traces_compiled_ok": 1, "traces_compiled_err": 0,
     "trace_executions": 10, "deopts": 10, "side_traces": 0,
     "durations": {"interpreting": 0.5, "tracing": 0.01, "compiling": 0.002, "deopting": 0.0001,
                   "jit_executing": 0.3}}

Durations are seconds of wall time; `interpreting` is the rest of the time since the MT started. Timing trace
execution costs two clock reads per entry, so it is only done when statistics were asked for (`enabled`).
"""

from __future__ import annotations

import json
import sys
import time

COUNTERS = ("traces_recorded_ok", "traces_recorded_err", "traces_compiled_ok", "traces_compiled_err",
            "trace_executions", "deopts", "side_traces")
DURATIONS = ("interpreting", "tracing", "compiling", "deopting", "jit_executing")


class Stats:
    def __init__(self, path: str | None):
        self.path = path
        self.enabled = path is not None
        self.start = time.perf_counter()
        self.counts = dict.fromkeys(COUNTERS, 0)
        self.times = dict.fromkeys(DURATIONS, 0.0)
        self.written = False

    def count(self, name: str, n: int = 1):
        self.counts[name] += n

    def add_time(self, name: str, seconds: float):
        self.times[name] += seconds

    def as_dict(self) -> dict:
        out = dict(self.counts)
        times = dict(self.times)
        busy = sum(v for k, v in times.items() if k != "interpreting")
        times["interpreting"] = max(0.0, time.perf_counter() - self.start - busy)
        out["durations"] = {k: round(v, 6) for k, v in times.items()}
        return out

    def write(self):
        if not self.enabled or self.written:
            return
        self.written = True
        text = json.dumps(self.as_dict(), indent=2) + "\n"
        if self.path == "-":
            sys.stderr.write(text)
            sys.stderr.flush()
        else:
            with open(self.path, "w") as f:
                f.write(text)
