"""Time benchmark programs under lua5.4 (and luajit, when on PATH) and ylua in the same run and print a table of
times and ratios to lua5.4 (the machines are noisy: compare ratios, not absolute times).

    python bench/run.py [--suite programs|corpus|all] [--repeat N] [--config interp|jit ...] [--quick] [--hot]
                        [--json out.json] [program ...]

`--suite` picks the directory: bench/programs/ (the default), bench/corpus/ (programs in other people's styles) or
both; with `all`, the corpus programs are named `corpus/<name>` since some names occur in both.

Every run's output must equal lua5.4's; a program that fails, times out or differs is flagged in the table and
makes the exit status 1. `--quick` passes each program's small argument from its `-- quick: N` line.

`--hot` (with both configs) also runs each program at its quick size and reports the speed-up of the hot part:
(interp time - interp quick time) / (jit time - jit quick time). Process start-up, parsing and the JIT's first
compilations cost the same at both sizes and drop out, so this is the ratio for the loops once they are hot.
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

from rich.console import Console
from rich.table import Table

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
CORPUS = os.path.join(HERE, "corpus")
SUITES = {"programs": PROGRAMS, "corpus": CORPUS}
CONFIGS = {"interp": {"YK_JITC": "none"}, "jit": {}, "noopt": {"YK_OPT": "0"}}  # noopt: the JIT without its optimiser
QUICK_RE = re.compile(r"^--\s*quick:\s*(\S+)", re.MULTILINE)


def quick_arg(path: str) -> list[str]:
    """The program's smoke-run argument from its `-- quick: N` comment line (none if it has no such line)."""
    with open(path, encoding="utf-8") as fh:
        m = QUICK_RE.search(fh.read(2000))
    return [m.group(1)] if m else []


def run_once(cmd: list[str], env_extra: dict, timeout: float) -> tuple[float, bytes | None, str]:
    """(seconds, stdout, error); stdout is None when the run failed or timed out, error says why."""
    env = dict(os.environ, **env_extra)
    t0 = time.perf_counter()
    try:
        r = subprocess.run(cmd, capture_output=True, env=env, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - t0, None, "timeout"
    elapsed = time.perf_counter() - t0
    if r.returncode != 0:
        # The last unindented stderr line is the message of a Lua error or of a Python traceback.
        lines = [ln for ln in r.stderr.decode(errors="replace").splitlines() if ln.strip() and not ln[0].isspace()]
        lines = [ln for ln in lines if ln != "stack traceback:"] or [f"exit status {r.returncode}"]
        return elapsed, None, "fail: " + lines[-1][-300:]
    return elapsed, r.stdout, ""


def measure(cmd: list[str], env_extra: dict, repeat: int, timeout: float, ref: bytes | None) -> dict:
    """Median time of `repeat` runs as {"time", "out", "error"}; error is "" when every run matched `ref`."""
    times, out = [], None
    for _ in range(repeat):
        t, out, err = run_once(cmd, env_extra, timeout)
        if err:
            return {"time": t, "out": None, "error": err}
        if ref is not None and out != ref:
            return {"time": t, "out": out, "error": "diff: output differs from lua5.4"}
        times.append(t)
    return {"time": statistics.median(times), "out": out, "error": ""}


def geomean(xs: list[float]) -> float | None:
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def suite_programs(suite: str) -> dict[str, str]:
    """{name: path} of the suite's programs; with `all`, the corpus's names are prefixed with `corpus/`."""
    found = {}
    for sub in ("programs", "corpus") if suite == "all" else (suite,):
        prefix = "corpus/" if suite == "all" and sub == "corpus" else ""
        folder = SUITES[sub]
        if os.path.isdir(folder):
            for f in sorted(os.listdir(folder)):
                if f.endswith(".lua"):
                    found[prefix + f[:-4]] = os.path.join(folder, f)
    return found


def bench_program(name: str, path: str, args, configs: list[str], refs: dict[str, str], log) -> dict:
    prog_args = quick_arg(path) if args.quick else [args.arg] if args.arg else []
    row: dict = {"program": name, "args": prog_args}
    errors: dict[str, str] = {}
    ref_out = None
    if "lua5.4" in refs:
        m = measure([refs["lua5.4"], path, *prog_args], {}, args.repeat, args.timeout, None)
        if m["error"]:
            errors["lua5.4"] = m["error"]
        else:
            row["lua5.4"], ref_out = m["time"], m["out"]
    if "luajit" in refs:  # a reference only: its output may legitimately differ (number formatting, 5.4 features)
        m = measure([refs["luajit"], path, *prog_args], {}, args.repeat, args.timeout, None)
        if m["error"]:
            errors["luajit"] = m["error"]
        else:
            row["luajit"] = m["time"]
            row["luajit_same_output"] = m["out"] == ref_out
    for cfg in configs:
        m = measure([*shlex.split(args.ylua), path, *prog_args], CONFIGS[cfg], args.repeat, args.timeout, ref_out)
        if m["error"]:
            errors[cfg] = m["error"]
            continue
        row[cfg] = m["time"]
        if "lua5.4" in row:
            row[cfg + "/lua5.4"] = row[cfg] / row["lua5.4"]
    if "noopt" in row and "jit" in row:
        row["noopt/jit"] = row["noopt"] / row["jit"]
    if "interp" in row and "jit" in row:
        row["interp/jit"] = row["interp"] / row["jit"]
        if args.hot and not args.quick:
            small = quick_arg(path)
            base = {cfg: measure([*shlex.split(args.ylua), path, *small], CONFIGS[cfg], args.repeat, args.timeout,
                                 None)["time"] for cfg in ("interp", "jit")}
            hot_jit = row["jit"] - base["jit"]
            if hot_jit > 0:
                row["hot interp/jit"] = (row["interp"] - base["interp"]) / hot_jit
    if errors:
        row["errors"] = errors
    times = "  ".join(f"{k}={row[k]:.3f}s" for k in ["lua5.4", "luajit", *configs] if k in row)
    log(f"{name}: {times}" + "".join(f"  [{k}: {v}]" for k, v in errors.items()))
    return row


def render(rows: list[dict], configs: list[str], refs: dict[str, str], console: Console) -> None:
    def secs(row: dict, key: str) -> str:
        if key in row:
            return f"{row[key]:.3f}"
        err = row.get("errors", {}).get(key, "")
        return f"[bold red]{err.split(':')[0].upper()}[/]" if err else "-"

    def ratio(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f}x" if x < 100 else f"{x:.0f}x"

    speedup = "interp" in configs and "jit" in configs
    opt_pays = "noopt" in configs and "jit" in configs
    quick = any(row["args"] for row in rows)
    table = Table(title="ylua vs lua5.4: seconds (median) and time / lua5.4 time (lower is better)")
    table.add_column("program", style="bold")
    if quick:
        table.add_column("arg", justify="right")
    for ref in refs:
        table.add_column(f"{ref} s", justify="right")
    for cfg in configs:
        table.add_column(f"{cfg} s", justify="right")
        table.add_column(f"{cfg}/lua5.4", justify="right", style="cyan")
    hot = any("hot interp/jit" in row for row in rows)
    if speedup:
        table.add_column("interp/jit", justify="right", style="green")
    if opt_pays:
        table.add_column("noopt/jit", justify="right", style="green")
    if hot:
        table.add_column("hot interp/jit", justify="right", style="green")
    for row in rows:
        cells = [row["program"]] + ([" ".join(row["args"])] if quick else [])
        for ref in refs:
            mark = "*" if ref == "luajit" and row.get("luajit_same_output") is False else ""
            cells.append(secs(row, ref) + mark)
        for cfg in configs:
            cells += [secs(row, cfg), ratio(row.get(cfg + "/lua5.4"))]
        if speedup:
            cells.append(ratio(row.get("interp/jit")))
        if opt_pays:
            cells.append(ratio(row.get("noopt/jit")))
        if hot:
            cells.append(ratio(row.get("hot interp/jit")))
        table.add_row(*cells)
    foot = ["geometric mean"] + [""] * (len(refs) + quick)
    for cfg in configs:
        foot += ["", ratio(geomean([r[cfg + "/lua5.4"] for r in rows if cfg + "/lua5.4" in r]))]
    if speedup:
        foot.append(ratio(geomean([r["interp/jit"] for r in rows if "interp/jit" in r])))
    if opt_pays:
        foot.append(ratio(geomean([r["noopt/jit"] for r in rows if "noopt/jit" in r])))
    if hot:
        foot.append(ratio(geomean([r["hot interp/jit"] for r in rows if "hot interp/jit" in r])))
    table.add_section()
    table.add_row(*foot, style="bold")
    console.print(table)
    if any(r.get("luajit_same_output") is False for r in rows):
        console.print("* luajit's output differs from lua5.4's (e.g. number formatting); its time is only a guide.")
    for row in rows:
        for who, err in row.get("errors", {}).items():
            console.print(f"[red]{row['program']} under {who}: {err}[/]")


def byte_compile_ylua() -> None:
    """Write the .pyc files of ylua's packages, as installing it does (pip byte-compiles what it installs). An
    editable install under PYTHONDONTWRITEBYTECODE=1 never writes them, and every run would compile the changed
    modules from source again: tens of milliseconds that no user of an installed ylua pays."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for pkg in ("ylua", "jit", "cli"):
        compileall.compile_dir(os.path.join(root, pkg), quiet=1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("programs", nargs="*", help="program names (default: all in the suite)")
    ap.add_argument("--suite", choices=["programs", "corpus", "all"], default="programs",
                    help="bench/programs (default), bench/corpus or both")
    ap.add_argument("--repeat", type=int, default=3, help="runs per program and config; the median is reported")
    ap.add_argument("--config", action="append", choices=sorted(CONFIGS), help="ylua config(s) (default: interp)")
    ap.add_argument("--ylua", default=f"{sys.executable} -m cli", help="command that runs ylua")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before a single run is abandoned")
    ap.add_argument("--quick", action="store_true", help="pass each program's `-- quick: N` argument (smoke run)")
    ap.add_argument("--arg", help="pass this argument (a size) to every program instead of its default")
    ap.add_argument("--hot", action="store_true", help="also report the speed-up once loops are hot (see above)")
    ap.add_argument("--json", help="also write the rows to this JSON file")
    args = ap.parse_args()
    configs = args.config or ["interp"]
    refs = {name: p for name in ("lua5.4", "luajit") if (p := shutil.which(name))}
    available = suite_programs(args.suite)
    names = args.programs or list(available)
    missing = [n for n in names if n not in available]
    if missing:
        ap.error(f"no such program(s): {', '.join(missing)}")
    console = Console()
    if not console.is_terminal:  # piped or redirected: don't squeeze the table into 80 columns
        console = Console(width=160)
    log = Console(stderr=True, log_path=False).log
    byte_compile_ylua()
    rows = [bench_program(name, available[name], args, configs, refs, log) for name in names]
    render(rows, configs, refs, console)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(rows, fh, indent=2)
    return 1 if any("errors" in r for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
