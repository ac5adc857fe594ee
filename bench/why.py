"""Why do benchmark programs run in the interpreter? Runs each program once under the JIT with YKD_LOG_STATS and
prints, per program, the time split (jit/interpreting/compiling...), the commonest recording aborts and the guards
that fail most; then the abort reasons summed over all the programs (positions stripped), to find general causes.

    python bench/why.py [--suite programs|corpus|all] [--quick | --arg N] [--top K] [program ...]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import quick_arg, suite_programs  # noqa: E402

POSITION = re.compile(r"\S+\.lua:\d+")


def run_with_stats(cmd: list[str], path: str, args: list[str], timeout: float) -> dict | None:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "stats.json")
        env = dict(os.environ, YKD_LOG_STATS=out)
        try:
            subprocess.run(cmd + [path, *args], env=env, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return None
        if not os.path.exists(out):
            return None
        with open(out) as fh:
            return json.load(fh)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("programs", nargs="*")
    ap.add_argument("--suite", choices=["programs", "corpus", "all"], default="corpus")
    ap.add_argument("--quick", action="store_true", help="each program's small argument")
    ap.add_argument("--arg", help="pass this argument to every program")
    ap.add_argument("--top", type=int, default=3, help="aborts and guards shown per program")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--ylua", default=f"{sys.executable} -m cli")
    args = ap.parse_args()
    available = suite_programs(args.suite)
    names = args.programs or list(available)
    totals: collections.Counter = collections.Counter()
    for name in names:
        path = available[name]
        prog_args = quick_arg(path) if args.quick else [args.arg] if args.arg else []
        data = run_with_stats(args.ylua.split(), path, prog_args, args.timeout)
        if data is None:
            print(f"{name}: no statistics (timeout or crash)")
            continue
        d = data["durations"]
        print(f"{name}: jit {d['jit_executing']:.2f}s interp {d['interpreting']:.2f}s compile {d['compiling']:.2f}s "
              f"trace {d['tracing']:.2f}s deopt {d['deopting']:.2f}s; {data['deopts']} deopts")
        aborts = [(a["count"], loc["loc"], a["reason"], a["at"]) for loc in data["locations"] for a in loc["aborts"]]
        for count, loc, reason, at in sorted(aborts, reverse=True)[:args.top]:
            print(f"    abort x{count:<5} {reason}  (loop {os.path.basename(loc)}, at {os.path.basename(str(at))})")
        for g in data["guards"][:args.top]:
            print(f"    guard x{g['deopts']:<5} trace {g['trid']} #{g['gidx']} at {os.path.basename(str(g['at']))} "
                  f"(side trace: {g['side_trace']})")
        for count, _loc, reason, _at in aborts:
            totals[POSITION.sub("<pos>", reason)] += count
    print("\nabort reasons over all programs:")
    for reason, count in totals.most_common(25):
        print(f"  {count:6d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
