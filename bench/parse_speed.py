"""Parse + compile speed on ordinary Lua: generates a source of N lines (functions, locals, loops, ifs, table
constructors, calls, strings, long expressions) and reports lines per second of ylua's parser and bytecode compiler
(in process, best of --repeat), then the wall time of running the generated file with ylua and with lua5.4 (start-up,
parse and run: the file only defines functions and calls a few). With --files, it measures those Lua files instead
(code written by others, say the PUC test suite): their lines per second, all of them together.

    python bench/parse_speed.py [--lines N] [--repeat K] [--files FILE ...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from ylua.chunk_cache import ENV_SWITCH  # noqa: E402
from ylua.compiler import compile_chunk  # noqa: E402
from ylua.parser import parse  # noqa: E402

BLOCK = """local function f{k}(a, b, ...)
  local t = {{ x = a, y = b, [1] = "one", {k}, 'q{k}', n = select('#', ...) }}
  local s = 0
  for i = 1, #t do
    if type(t[i]) == "number" and t[i] > {k} % 7 then
      s = s + t[i] * 2 - (a or 0) // 3
    elseif t[i] ~= nil then
      s = s + #tostring(t[i])
    end
  end
  while s > 100 do s = s - 100 end
  local msg = "value " .. s .. ' of ' .. {k} .. [[ long ]]
  return s, msg, t.x and t.y or false
end
G[{k}] = f{k}
"""
LINES_PER_BLOCK = BLOCK.count("\n")


def source(lines: int) -> str:
    blocks = max(1, lines // LINES_PER_BLOCK)
    # a function may have at most 200 locals: the blocks go into chunks of functions called at the end
    parts = ["G = {}\n"]
    for k in range(blocks):
        parts.append(BLOCK.format(k=k) if k % 150 else "do\n" + BLOCK.format(k=k))
        if k % 150 == 149:
            parts.append("end\n")
    if blocks % 150:
        parts.append("end\n")
    parts.append("print(#G, G[0](1, 2, 3))\n")
    return "".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=300000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--files", nargs="+", help="Lua files to measure instead of the generated source")
    args = ap.parse_args()
    if args.files:
        return measure_files(args.files, args.repeat)
    text = source(args.lines)
    n = text.count("\n")
    data = text.encode()
    best = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        compile_chunk(parse(data, "=gen"), "=gen")
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"parse + compile: {n} lines in {best:.2f} s = {n / best:,.0f} lines/s (best of {args.repeat})")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "gen.lua")
        with open(path, "w") as fh:
            fh.write(text)
        runs = [("ylua", [sys.executable, "-m", "cli", path])]
        if shutil.which("lua5.4"):
            runs.append(("lua5.4", ["lua5.4", path]))
        env = dict(os.environ, **{ENV_SWITCH: "0"})  # parse every time: no compiled-chunk cache
        for name, cmd in runs:
            t0 = time.perf_counter()
            got = subprocess.run(cmd, capture_output=True, env=env, check=False)
            dt = time.perf_counter() - t0
            status = "ok" if got.returncode == 0 else f"exit {got.returncode}: {got.stderr.decode()[:200]}"
            print(f"{name:7s} runs the file in {dt:.2f} s ({status}) {got.stdout.decode().strip()}")
    return 0


def measure_files(paths: list[str], repeat: int) -> int:
    """Lines per second of parse + compile over `paths` together (best of `repeat` passes over all of them)."""
    sources = []
    for path in paths:
        with open(path, "rb") as fh:
            sources.append(("@" + path, fh.read()))
    lines = sum(src.count(b"\n") for _, src in sources)
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        for name, src in sources:
            compile_chunk(parse(src, name), name)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"parse + compile: {len(sources)} files, {lines} lines in {best:.2f} s = {lines / best:,.0f} lines/s "
          f"(best of {repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
