-- Yields cross pcall and xpcall frames; errors after resumption are still caught by the right handler.
local co = coroutine.create(function()
  local ok, a, b = pcall(function(x)
    local y = coroutine.yield("p1", x)
    local z = coroutine.yield("p2", y)
    return y + z, "pcall done"
  end, 10)
  coroutine.yield("after pcall", ok, a, b)
  -- error raised after a yield is caught by the enclosing pcall
  local ok2, err = pcall(function()
    coroutine.yield("before error")
    error("late failure", 0)
  end)
  coroutine.yield("pcall caught", ok2, err)
  -- xpcall with a handler, yielding inside the protected function
  local ok3, res = xpcall(function()
    local v = coroutine.yield("in xpcall")
    if v == "fail" then error({tag = "E"}) end
    return v
  end, function(e) return "handled " .. e.tag end)
  coroutine.yield("xpcall result", ok3, res)
  -- nested pcall inside pcall, yielding from the innermost
  local r = {pcall(pcall, function() return coroutine.yield("nested") * 2 end)}
  return "end", r[1], r[2], r[3]
end)

local function step(...)
  local r = table.pack(coroutine.resume(co, ...))
  for i = 1, r.n do r[i] = tostring(r[i]) end
  print(table.concat(r, " ", 1, r.n))
  return r
end
step()
step(5)
step(7)
step()
step()
step()
step("fail")
step()
local last = step(21)
assert(last[2] == "end" and last[5] == "42")
assert(coroutine.status(co) == "dead")

-- xpcall handler itself sees the original error and the coroutine still runs afterwards
local w = coroutine.wrap(function()
  local got
  xpcall(function() coroutine.yield(1); error("x", 0) end, function(m) got = m end)
  coroutine.yield("handler saw " .. got)
  return "fin"
end)
print(w(), w(), w())
