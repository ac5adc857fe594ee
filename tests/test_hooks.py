"""debug.sethook: call, return, line and count events in PUC's order."""

import io

from ylua.interp import Interp

SRC = b"""local events = {}
local function f(x)
  local y = x + 1
  return y
end
debug.sethook(function(ev, line) events[#events + 1] = ev .. (line and (":" .. line) or "") end, "crl")
f(1)
debug.sethook()
print(table and table.concat and "" or "", #events)
for i = 1, #events do print(events[i]) end
"""


def test_call_return_line_events():
    out = io.BytesIO()
    rt = Interp(stdout=out)
    rt.call(rt.load(SRC, "h.lua"), [])
    lines = out.getvalue().decode().splitlines()[1:]
    assert lines == ["return", "line:7", "call", "line:3", "line:4", "return", "line:8", "call"]


def test_count_hook_and_gethook():
    out = io.BytesIO()
    rt = Interp(stdout=out)
    src = b"local n = 0 debug.sethook(function() n = n + 1 end, '', 10) for i = 1, 100 do end " \
          b"local h, m, c = debug.gethook() debug.sethook() print(n > 5, m, c, debug.gethook())"
    rt.call(rt.load(src, "c.lua"), [])
    assert out.getvalue() == b"true\t\t10\tnil\n"
