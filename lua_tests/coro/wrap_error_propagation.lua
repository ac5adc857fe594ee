-- Errors raised inside coroutine.wrap propagate to the caller with position info; wrap of dead coroutine errors.
local gen = coroutine.wrap(function(n)
  for i = 1, n do coroutine.yield(i) end
  error("ran out after " .. n)
end)
print(gen(2), gen(), pcall(gen))
-- the wrapped coroutine is now dead
local ok, msg = pcall(gen)
print(ok, msg)
assert(not ok and msg == "cannot resume dead coroutine")

-- error position refers to the line inside the coroutine body
local w = coroutine.wrap(function()
  local t = nil
  return t.field
end)
ok, msg = pcall(w)
print(ok, msg)
assert(msg == "wrap_error_propagation.lua:15: attempt to index a nil value (local 't')")

-- non-string error values pass through wrap unchanged
local obj = {code = 42}
local w2 = coroutine.wrap(function() error(obj) end)
ok, msg = pcall(w2)
print(ok, type(msg), msg == obj, msg.code)
assert(msg == obj)

-- level 2 error inside wrap points at the caller within the coroutine
local function check(x) if not x then error("check failed", 2) end end
local w3 = coroutine.wrap(function()
  check(true)
  check(false)
end)
ok, msg = pcall(w3)
print(ok, msg)
assert(msg == "wrap_error_propagation.lua:32: check failed")

-- nested wraps: a string error crossing wrap gets the caller's position prepended
local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function() error("deep", 0) end)
  inner()
  return "unreachable"
end)
ok, msg = pcall(outer)
print(ok, msg)
assert(msg == "wrap_error_propagation.lua:41: deep")

-- error with a number value passes as a number
local w4 = coroutine.wrap(function() error(123) end)
ok, msg = pcall(w4)
print(ok, math.type(msg), msg)
-- called from a Lua function, the message gains a second position prefix
local w5 = coroutine.wrap(function() error("twice") end)
ok, msg = pcall(function() return w5() end)
print(ok, msg)
assert(msg == "wrap_error_propagation.lua:54: wrap_error_propagation.lua:53: twice")
