"""JIT configuration: every environment variable parsed once, with defaults and one-line errors.

    YK_HOT_THRESHOLD=n            loop visits before tracing starts (default 131; 0 = trace on the first visit)
    YK_SIDETRACE_THRESHOLD=n      guard failures before a side trace is recorded (default 5)
    YK_OPT=0|1 (alias YKD_OPT)    trace optimiser on/off (default 1)
    YKD_SERIALISE_COMPILATION=0|1 compile on the main thread (1) or in background workers (0, default)
    YK_JOBS=n                     number of background compile workers (default 1)
    YK_JITC=llvm|interp|none      code generator: LLVM (default), the reference IR interpreter, or no JIT at all
    YKD_LOG=[path:]level          0 off, 1 errors (default), 2 warnings, 3 tracing events, 4 execution events
    YKD_LOG_IR=[path:]stage,...   stages: aot, jit-pre-opt, jit-post-opt, jit-llvm, jit-asm
    YKD_LOG_STATS=path            statistics JSON at exit (`-` = stderr)
    YKD_CHECK_STACK=0|1           check the thread-state stack invariants (debug; default 0)

A path `-` (or no path) means stderr.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

IR_STAGES = ("aot", "jit-pre-opt", "jit-post-opt", "jit-llvm", "jit-asm")
JITC_CHOICES = ("llvm", "interp", "none")


class ConfigError(Exception):
    """A bad environment variable; str() is a one-line message naming the variable."""


@dataclass(frozen=True)
class Config:
    hot_threshold: int = 131
    sidetrace_threshold: int = 5
    opt: bool = True
    serialise_compilation: bool = False
    jobs: int = 1
    jitc: str = "llvm"
    log_level: int = 1
    log_path: str = "-"
    log_ir_stages: frozenset = field(default_factory=frozenset)
    log_ir_path: str = "-"
    stats_path: str | None = None
    check_stack: bool = False
    max_trace_len: int = 4000
    max_failures: int = 5
    max_side_traces: int = 100

    @property
    def enabled(self) -> bool:
        return self.jitc != "none"

    @classmethod
    def from_env(cls, env=None) -> Config:
        env = os.environ if env is None else env
        kw = {}
        if (v := env.get("YK_HOT_THRESHOLD")) is not None:
            kw["hot_threshold"] = _int("YK_HOT_THRESHOLD", v, 0)
        if (v := env.get("YK_SIDETRACE_THRESHOLD")) is not None:
            kw["sidetrace_threshold"] = _int("YK_SIDETRACE_THRESHOLD", v, 0)
        opt = _opt(env)
        if opt is not None:
            kw["opt"] = opt
        if (v := env.get("YKD_SERIALISE_COMPILATION")) is not None:
            kw["serialise_compilation"] = _flag("YKD_SERIALISE_COMPILATION", v)
        if (v := env.get("YK_JOBS")) is not None:
            kw["jobs"] = _int("YK_JOBS", v, 1)
        if (v := env.get("YK_JITC")) is not None:
            if v not in JITC_CHOICES:
                raise ConfigError(f"YK_JITC={v!r}: expected one of {', '.join(JITC_CHOICES)}")
            kw["jitc"] = v
        if (v := env.get("YKD_LOG")) is not None:
            path, level = _split_path("YKD_LOG", v)
            kw["log_path"], kw["log_level"] = path, _int("YKD_LOG", level, 0, 4)
        if (v := env.get("YKD_LOG_IR")) is not None:
            path, stages = _split_path("YKD_LOG_IR", v)
            kw["log_ir_path"], kw["log_ir_stages"] = path, _stages(stages)
        if (v := env.get("YKD_LOG_STATS")) is not None:
            if not v:
                raise ConfigError("YKD_LOG_STATS='': expected a path or -")
            kw["stats_path"] = v
        if (v := env.get("YKD_CHECK_STACK")) is not None:
            kw["check_stack"] = _flag("YKD_CHECK_STACK", v)
        return cls(**kw)


def _int(name: str, text: str, lo: int, hi: int | None = None) -> int:
    try:
        n = int(text.strip(), 10)
    except ValueError:
        raise ConfigError(f"{name}={text!r}: expected an integer") from None
    if n < lo or (hi is not None and n > hi):
        rng = f">= {lo}" if hi is None else f"between {lo} and {hi}"
        raise ConfigError(f"{name}={text!r}: expected an integer {rng}")
    return n


def _flag(name: str, text: str) -> bool:
    if text.strip() not in ("0", "1"):
        raise ConfigError(f"{name}={text!r}: expected 0 or 1")
    return text.strip() == "1"


def _opt(env) -> bool | None:
    a, b = env.get("YK_OPT"), env.get("YKD_OPT")
    fa = _flag("YK_OPT", a) if a is not None else None
    fb = _flag("YKD_OPT", b) if b is not None else None
    if fa is not None and fb is not None and fa != fb:
        raise ConfigError(f"YK_OPT={a!r} and YKD_OPT={b!r} disagree (YKD_OPT is an alias of YK_OPT)")
    return fa if fa is not None else fb


def _split_path(name: str, text: str) -> tuple[str, str]:
    """`[path:]rest` -> (path, rest); the path defaults to `-` (stderr). The last `:` separates them."""
    path, sep, rest = text.rpartition(":")
    if not sep:
        return "-", text
    if not path:
        raise ConfigError(f"{name}={text!r}: empty path before ':'")
    return path, rest


def _stages(text: str) -> frozenset:
    stages = [s.strip() for s in text.split(",") if s.strip()]
    if not stages:
        raise ConfigError(f"YKD_LOG_IR={text!r}: expected a comma-separated list of {', '.join(IR_STAGES)}")
    for s in stages:
        if s not in IR_STAGES:
            raise ConfigError(f"YKD_LOG_IR: unknown stage {s!r} (expected {', '.join(IR_STAGES)})")
    return frozenset(stages)
