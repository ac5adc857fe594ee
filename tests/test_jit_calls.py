"""How loop traces call Lua functions: inlined, or natively through the function's own trace (ylua/jit_calls.py)."""

import json
import re

from support import run_ylua

DEPTH = """
local function depth(t)
  if type(t) ~= "table" then return 0 end
  local a, b = depth(t[1]), depth(t[2])
  return 1 + (a > b and a or b)
end
local tree = { { {} }, {} }
"""

RARELY_RECURSIVE = DEPTH + """local s = depth(tree)
for i = 1, 3000 do s = s + depth(i % 100 == 0 and tree or i) end
print(s)
"""


def loop_trace_calls_natively(tmp_path, source: str) -> str:
    """Run `source` (its loop on line 9 calls `depth`, defined on line 2) and check that the loop's root trace calls
    depth's function trace instead of inlining it; returns the event log."""
    script = tmp_path / "depth.lua"
    script.write_text(source)
    env = {"YK_HOT_THRESHOLD": "40", "YKD_SERIALISE_COMPILATION": "1", "YKD_LOG": "3", "YKD_LOG_IR": "jit-post-opt"}
    got = run_ylua([str(script)], env)
    assert got.returncode == 0 and got.stdout == run_ylua([str(script)], {"YK_JITC": "none"}).stdout, got.stderr
    log = got.stderr.decode()
    (loop,) = [t for t in log.split("--- Begin")[1:] if " root loc=" in t and t.split("loc=")[1].startswith(
        str(script) + ":9")]
    assert "call_trace(" in loop
    assert not re.search(r"@ \S+:[345]\n", loop), "depth's body is inlined in the loop's trace"
    return log


def test_a_loop_trace_calls_a_recursive_function_through_its_trace(tmp_path):
    # the loop is hot before `depth` recursed often, and its recorded iteration takes depth's path without
    # recursion: inlined, every later path through depth (the recursive one) would have grown a side trace of the
    # loop holding a copy of the rest of depth's body (ray's main loop: 25 side traces of about 1000 ops each)
    loop_trace_calls_natively(tmp_path, RARELY_RECURSIVE)


NOT_YET_RECURSIVE = DEPTH + """local s = 0
for i = 1, 3000 do s = s + depth(i > 1000 and i % 100 == 0 and tree or i) end
print(s)
"""


def test_a_loop_recording_waits_for_a_local_function_that_calls_itself_before_it_has_recursed(tmp_path):
    # ray's `trace` recursed only for reflecting rays, long after its caller's loop was hot
    log = loop_trace_calls_natively(tmp_path, NOT_YET_RECURSIVE)
    events = [line.split(" ", 2)[1:] for line in log.splitlines() if line.startswith("yk-jit-event")]
    waits = [json.loads(payload) for name, payload in events if name == "tracing-aborted"]
    assert any(w["loc"].endswith(":9") and "waits for the function trace" in w["reason"] for w in waits), waits
