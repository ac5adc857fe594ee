"""Time benchmark programs under lua5.4 and ylua in the same run and print the ratios (the machines are noisy:
compare ratios, not absolute times).

    python bench/run.py [--repeat N] [--config interp|jit ...] [--json out.json] [program ...]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
CONFIGS = {"interp": {"YK_JITC": "none"}, "jit": {}}


def time_run(cmd: list[str], env_extra: dict, timeout: float) -> tuple[float, bytes]:
    env = dict(os.environ, **env_extra)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, env=env, timeout=timeout, check=False)
    elapsed = time.perf_counter() - t0
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {r.stderr.decode(errors='replace')[-500:]}")
    return elapsed, r.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("programs", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--config", action="append", choices=sorted(CONFIGS))
    ap.add_argument("--ylua", default=f"{sys.executable} -m cli")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--json")
    args = ap.parse_args()
    configs = args.config or ["interp"]
    lua = shutil.which("lua5.4")
    names = args.programs or sorted(f[:-4] for f in os.listdir(PROGRAMS) if f.endswith(".lua"))
    rows = []
    for name in names:
        path = os.path.join(PROGRAMS, name + ".lua")
        row = {"program": name}
        ref_out = None
        if lua:
            times = []
            for _ in range(args.repeat):
                t, ref_out = time_run([lua, path], {}, args.timeout)
                times.append(t)
            row["lua5.4"] = statistics.median(times)
        for cfg in configs:
            times = []
            for _ in range(args.repeat):
                t, out = time_run(args.ylua.split() + [path], CONFIGS[cfg], args.timeout)
                times.append(t)
                if ref_out is not None and out != ref_out:
                    raise SystemExit(f"{name}: output differs from lua5.4 under config {cfg}")
            row[cfg] = statistics.median(times)
            if lua:
                row[cfg + "/lua5.4"] = row[cfg] / row["lua5.4"]
        if "interp" in row and "jit" in row:
            row["interp/jit"] = row["interp"] / row["jit"]
        rows.append(row)
        print("  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()), flush=True)
    for cfg in configs:
        ratios = [r[cfg + "/lua5.4"] for r in rows if cfg + "/lua5.4" in r]
        if ratios:
            geo = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
            print(f"geometric mean of {cfg}/lua5.4: {geo:.2f}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(rows, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
