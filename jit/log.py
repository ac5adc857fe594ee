"""YKD_LOG events and YKD_LOG_IR dumps.

Events are one line each, `yk-jit-event: <event> <json>`, written when the configured level reaches the event's:

    level 1  errors            `yk-error: <message>`
    level 2  warnings          `yk-warning: <message>` (a failed tier-up; a recording lost to a bug of the
                               language's recorder, "internal error while recording", which the tests look for)
    level 3  tracing events    start-tracing, stop-tracing, tracing-aborted, trace-compiled,
                               trace-compilation-failed, start-side-tracing
    level 4  execution events  enter-jit-code, deoptimise, return, execute-side-trace

The JSON object holds, in this order and where they apply: trid, parent, loc, reason, gidx, stack (the trace ids of
the Executing entries of the thread-state stack, bottom to top).

IR dumps are written between `--- Begin <stage> (trace N) ---` and `--- End <stage> ---` lines.
"""

from __future__ import annotations

import json
import sys
import threading

EVENT_LEVELS = {
    "start-tracing": 3, "stop-tracing": 3, "tracing-aborted": 3, "trace-compiled": 3,
    "trace-compilation-failed": 3, "start-side-tracing": 3,
    "enter-jit-code": 4, "deoptimise": 4, "return": 4, "execute-side-trace": 4,
}
_FIELD_ORDER = ("trid", "parent", "loc", "reason", "gidx", "stack")


class _Sink:
    """A lazily opened output: `-` is stderr (looked up at each write so that redirection works)."""

    def __init__(self, path: str):
        self.path = path
        self.file = None
        self.lock = threading.Lock()

    def write(self, text: str):
        with self.lock:
            if self.path == "-":
                sys.stderr.write(text)
                sys.stderr.flush()
                return
            if self.file is None:
                self.file = open(self.path, "w", buffering=1)  # noqa: SIM115 - kept open until close()
            self.file.write(text)

    def close(self):
        with self.lock:
            if self.file is not None:
                self.file.close()
                self.file = None


class JitLog:
    def __init__(self, config):
        self.level = config.log_level
        self.stages = config.log_ir_stages
        self._events = _Sink(config.log_path)
        self._ir = self._events if config.log_ir_path == config.log_path else _Sink(config.log_ir_path)

    def wants(self, event: str) -> bool:
        return self.level >= EVENT_LEVELS[event]

    def event(self, event: str, **fields):
        if self.level < EVENT_LEVELS[event]:
            return
        ordered = {k: fields[k] for k in _FIELD_ORDER if k in fields}
        self._events.write(f"yk-jit-event: {event} {json.dumps(ordered)}\n")

    def error(self, message: str):
        if self.level >= 1:
            self._events.write(f"yk-error: {message}\n")

    def warning(self, message: str):
        if self.level >= 2:
            self._events.write(f"yk-warning: {message}\n")

    def wants_ir(self, stage: str) -> bool:
        return stage in self.stages

    def ir(self, stage: str, trid: int, text):
        """Dump `text` (a string, or a callable producing it, only called when the stage is enabled)."""
        if stage not in self.stages:
            return
        body = text() if callable(text) else text
        if not body.endswith("\n"):
            body += "\n"
        self._ir.write(f"--- Begin {stage} (trace {trid}) ---\n{body}--- End {stage} ---\n")

    def close(self):
        self._events.close()
        self._ir.close()
