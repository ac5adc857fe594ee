"""YKD_LOG_STATS: counters and durations, written as JSON when the MT shuts down (or at exit).

    {"traces_recorded_ok": 1, "traces_recorded_err": 0, "traces_compiled_ok": 1, "traces_compiled_err": 0,
     "trace_executions": 10, "deopts": 10, "side_traces": 0,
     "durations": {"interpreting": 0.5, "tracing": 0.01, "compiling": 0.002, "deopting": 0.0001,
                   "jit_executing": 0.3}}

Durations are seconds of wall time; `interpreting` is the rest of the time since the MT started. Timing trace
execution costs two clock reads per entry, so it is only done when statistics were asked for (`enabled`).

Two lists say why hot code runs in the interpreter, most frequent first:

    "locations": [{"loc": "f.lua:5", "state": "dont-trace", "traces": [], "aborts": [
                      {"reason": "unsupported instruction CLOSE", "at": "f.lua:9", "count": 5}]}, ...]
    "guards": [{"trid": 3, "loc": "f.lua:5", "gidx": 12, "at": "f.lua:7", "deopts": 4096,
                "side_trace": "dont-trace"}, ...]

A location's `state` is where its counting ended (counting, compiled, dont-trace...); `traces` are the root traces
compiled for it; `at` is the source position the recording or the guard was at. A guard's `side_trace` says whether
its failures now go to a side trace (compiled) or keep deoptimising.
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
        self.locations = []  # every Location the MT made (only kept when enabled)
        self.traces = []  # every trace installed
        self.aborts: dict = {}  # (location label, reason, position) -> count

    def count(self, name: str, n: int = 1):
        self.counts[name] += n

    def add_time(self, name: str, seconds: float):
        self.times[name] += seconds

    def abort(self, loc: str, reason: str, at):
        key = (loc, reason, at)
        self.aborts[key] = self.aborts.get(key, 0) + 1

    def as_dict(self) -> dict:
        out = dict(self.counts)
        times = dict(self.times)
        busy = sum(v for k, v in times.items() if k != "interpreting")
        times["interpreting"] = max(0.0, time.perf_counter() - self.start - busy)
        out["durations"] = {k: round(v, 6) for k, v in times.items()}
        out["locations"] = self._locations()
        out["guards"] = self._guards()
        return out

    def _locations(self) -> list:
        by_label = {}
        for loc in self.locations:
            by_label.setdefault(loc.label, {"loc": loc.label, "state": loc.state, "traces": [], "aborts": []})
        for t in self.traces:
            if t.loc is not None and t.label in by_label:
                by_label[t.label]["traces"].append(t.trid)
        for (label, reason, at), n in sorted(self.aborts.items(), key=lambda kv: -kv[1]):
            entry = by_label.setdefault(label, {"loc": label, "state": None, "traces": [], "aborts": []})
            entry["aborts"].append({"reason": reason, "at": at, "count": n})
        rows = [e for e in by_label.values() if e["traces"] or e["aborts"]]
        return sorted(rows, key=lambda e: -sum(a["count"] for a in e["aborts"]))

    def _guards(self) -> list:
        rows = []
        for t in self.traces:
            for ex in t.exits:
                if ex.deopts:
                    rows.append({"trid": t.trid, "loc": t.root.label, "gidx": ex.index, "at": ex.pos,
                                 "deopts": ex.deopts, "side_trace": ex.side_state})
        return sorted(rows, key=lambda r: -r["deopts"])

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
