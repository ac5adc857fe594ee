"""Running one Lua test file under the `ylua-test` configurations and judging the outcome."""

from __future__ import annotations

import difflib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

# Named environment sets, added on top of os.environ for each run.
CONFIGS: dict[str, dict[str, str]] = {
    "interp": {"YK_JITC": "none"},
    "jit0": {"YK_HOT_THRESHOLD": "0", "YKD_SERIALISE_COMPILATION": "1"},
    "jit0-noopt": {"YK_HOT_THRESHOLD": "0", "YKD_SERIALISE_COMPILATION": "1", "YK_OPT": "0"},
    "default": {},
    "sidetrace": {"YK_HOT_THRESHOLD": "0", "YK_SIDETRACE_THRESHOLD": "1", "YKD_SERIALISE_COMPILATION": "1"},
}

REFERENCE = "reference"
TAIL_LINES = 15
DIFF_LINES = 40

# The directory holding the `cli` package: put on the children's PYTHONPATH so that `-P` (no cwd on
# sys.path, so test directories cannot shadow our modules) still finds the same ylua this runner belongs to.
_PKG_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ylua_command() -> list[str]:
    return [sys.executable, "-P", "-m", "cli"]


def config_env(name: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(CONFIGS[name])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_PKG_PARENT, os.environ.get("PYTHONPATH")) if p)
    return env


@dataclass
class Run:
    """One execution of a test file (under a config, or by the reference interpreter)."""

    label: str
    returncode: int | None
    stdout: bytes
    stderr: bytes
    seconds: float
    timed_out: bool = False
    error: str | None = None  # the process could not be started


@dataclass
class Failure:
    config: str
    reason: str
    detail: str  # stderr tail or a diff
    timed_out: bool = False


@dataclass
class TestResult:
    __test__ = False  # not a pytest class

    path: str
    skipped: bool = False
    runs: dict[str, Run] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.skipped:
            return "skipped"
        if any(f.timed_out for f in self.failures):
            return "timeout"
        return "failed" if self.failures else "passed"

    @property
    def seconds(self) -> float:
        return sum(r.seconds for r in self.runs.values())


def run_file(path: str, label: str, command: list[str], env: dict[str, str] | None, timeout: float) -> Run:
    """Run `command NAME` in the file's directory (so relative requires work), capturing everything."""
    cwd, name = os.path.split(path)
    start = time.monotonic()
    try:
        cp = subprocess.run([*command, name], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Run(label, None, e.stdout or b"", e.stderr or b"", time.monotonic() - start, timed_out=True)
    except OSError as e:
        return Run(label, None, b"", b"", time.monotonic() - start, error=e.strerror or str(e))
    return Run(label, cp.returncode, cp.stdout, cp.stderr, time.monotonic() - start)


def exit_reason(run: Run) -> str:
    if run.error is not None:
        return f"could not start: {run.error}"
    code = run.returncode
    if code is not None and code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def tail(data: bytes, n: int = TAIL_LINES) -> str:
    lines = data.decode("utf-8", "replace").rstrip("\n").splitlines()
    if len(lines) > n:
        return "\n".join([f"... ({len(lines) - n} earlier lines)"] + lines[-n:])
    return "\n".join(lines)


def diff_runs(a: Run, b: Run, a_name: str | None = None, b_name: str | None = None) -> str:
    """A short unified diff of two runs' stdout, preceded by their exit statuses when those differ."""
    a_name, b_name = a_name or a.label, b_name or b.label
    out = []
    if a.returncode != b.returncode:
        out.append(f"exit status: {a_name} {a.returncode}, {b_name} {b.returncode}")
    diff = list(difflib.unified_diff(
        a.stdout.decode("utf-8", "replace").splitlines(), b.stdout.decode("utf-8", "replace").splitlines(),
        f"stdout ({a_name})", f"stdout ({b_name})", lineterm="", n=2))
    if len(diff) > DIFF_LINES:
        diff = diff[:DIFF_LINES] + [f"... ({len(diff) - DIFF_LINES} more diff lines)"]
    return "\n".join(out + diff)


def _same(a: Run, b: Run) -> bool:
    return a.stdout == b.stdout and a.returncode == b.returncode


def judge(result: TestResult, configs: list[str], timeout: float, reference: bool) -> None:
    """Fill result.failures from result.runs."""
    fails = result.failures
    finished = []
    for name in configs:
        run = result.runs[name]
        if run.timed_out:
            fails.append(Failure(name, f"timed out after {timeout:g}s", tail(run.stderr), timed_out=True))
            continue
        if run.returncode != 0:
            fails.append(Failure(name, exit_reason(run), tail(run.stderr)))
        if run.error is None:
            finished.append(run)
    for run in finished[1:]:
        if not _same(finished[0], run):
            fails.append(Failure(run.label, "differs between configs", diff_runs(finished[0], run)))
    if not reference:
        return
    ref = result.runs[REFERENCE]
    if ref.timed_out:
        fails.append(Failure(REFERENCE, f"timed out after {timeout:g}s", tail(ref.stderr), timed_out=True))
        return
    if ref.error is not None:
        fails.append(Failure(REFERENCE, exit_reason(ref), ""))
        return
    groups: list[list[Run]] = []  # configs with identical results are reported together
    for run in finished:
        for g in groups:
            if _same(g[0], run):
                g.append(run)
                break
        else:
            groups.append([run])
    for g in groups:
        if not _same(ref, g[0]):
            names = ",".join(r.label for r in g)
            fails.append(Failure(names, "differs from reference", diff_runs(ref, g[0], REFERENCE, names)))
