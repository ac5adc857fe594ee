"""Shared by the test modules: paths and a way to run the ylua command."""

import os
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
