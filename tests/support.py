"""Shared by the test modules: paths and a way to run the ylua command."""

import json
import os
import re
import shutil
import subprocess
import sys


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LUA_TESTS = os.path.join(ROOT, "lua_tests")
LUA54 = shutil.which("lua5.4")


def run_ylua(args, env_extra=None, cwd=None, stdin=None, timeout=120):
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], cwd=cwd or ROOT, env=env, input=stdin,
        capture_output=True, timeout=timeout,
    )


JIT0 = {"YK_HOT_THRESHOLD": "0", "YKD_SERIALISE_COMPILATION": "1"}


def ir_under_jit0(script) -> str:
    """Run `script` (a path) at threshold 0 with the pre-optimisation IR logged; check that it prints what the
    interpreter prints, and return the IR dump."""
    got = run_ylua([str(script)], dict(JIT0, YKD_LOG_IR="jit-pre-opt"))
    assert got.returncode == 0, got.stderr
    assert got.stdout == run_ylua([str(script)], {"YK_JITC": "none"}).stdout
    return got.stderr.decode()


def helper_calls(ir: str) -> list:
    """The `call` ops (of helpers or built-ins) in an IR dump."""
    return [line for line in ir.splitlines() if " = call(" in line or line.startswith("call(")]


def called_by(tmp_path, source: str) -> list:
    """What the `call` ops of the traces of Lua `source`, run at threshold 0, call (see called_helpers)."""
    script = tmp_path / "script.lua"
    script.write_text(source)
    return called_helpers(ir_under_jit0(script))


def called_helpers(ir: str) -> list:
    """What the `call` ops of an IR dump call (each trace's constant, as the dump prints it)."""
    called = []
    for trace in ir.split("--- Begin")[1:]:
        constants = dict(re.findall(r"# (\$k\d+) = (.*)", trace))
        called += [constants[re.search(r"call\((\$k\d+)", c).group(1)] for c in helper_calls(trace)]
    return called


def run_with_stats(script, env):
    """Run `script` (a path) with `env` and YKD_LOG_STATS: (the finished process, the statistics it wrote)."""
    stats = script.parent / "stats.json"
    got = run_ylua([str(script)], dict(env, YKD_LOG_STATS=str(stats)))
    return got, json.loads(stats.read_text())
