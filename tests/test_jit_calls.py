"""How loop traces call Lua functions: inlined, or natively through the function's own trace (ylua/jit_calls.py)."""

import json

from support import run_ylua

RARELY_RECURSIVE = """
local function depth(t)
  if type(t) ~= "table" then return 0 end
  local a, b = depth(t[1]), depth(t[2])
  return 1 + (a > b and a or b)
end
local tree = { { {} }, {} }
local s = depth(tree)
for i = 1, 3000 do s = s + depth(i % 100 == 0 and tree or i) end
print(s)
"""


def test_a_loop_recording_waits_for_the_trace_of_a_recursive_function_it_calls(tmp_path):
    # The loop is hot before `depth` is, and its recorded iteration takes depth's path without recursion: inlined,
    # every later path through depth (the recursive one) would have grown a side trace of the loop holding a copy of
    # the rest of depth's body (ray's main loop: 25 side traces of about 1000 ops each).
    script = tmp_path / "depth.lua"
    script.write_text(RARELY_RECURSIVE)
    env = {"YK_HOT_THRESHOLD": "40", "YKD_SERIALISE_COMPILATION": "1", "YKD_LOG": "3"}
    got = run_ylua([str(script)], env)
    assert got.returncode == 0 and got.stdout == b"93\n", got.stderr
    events = [line.split(" ", 2)[1:] for line in got.stderr.decode().splitlines() if line.startswith("yk-jit-event")]
    waits = [json.loads(payload) for name, payload in events if name == "tracing-aborted"]
    assert any(w["loc"].endswith(":9") and "waits for the function trace" in w["reason"] for w in waits), waits
