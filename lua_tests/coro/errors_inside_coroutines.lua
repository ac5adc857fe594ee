-- Errors inside coroutines: resume returns false plus the message with position; runtime errors name variables.
local function run(f, ...)
  local co = coroutine.create(f)
  local ok, msg = coroutine.resume(co, ...)
  print(ok, msg, coroutine.status(co))
  return ok, msg
end

local ok, msg = run(function() error("explicit") end)
assert(msg == "errors_inside_coroutines.lua:9: explicit")

ok, msg = run(function(a) return a + 1 end, nil)
assert(msg == "errors_inside_coroutines.lua:12: attempt to perform arithmetic on a nil value (local 'a')")

ok, msg = run(function() return undefined_thing.x end)
assert(msg:find("global 'undefined_thing'", 1, true))

-- error after a yield: first resume succeeds, second fails
local co = coroutine.create(function()
  local v = coroutine.yield("waiting")
  return #v
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 17))
print(coroutine.status(co))

-- error with level 2 inside a coroutine names the caller line
local function validate(x) if type(x) ~= "number" then error("need number", 2) end return x end
ok, msg = run(function()
  validate(1)
  local r = validate("s")
  return r
end)
assert(msg == "errors_inside_coroutines.lua:31: need number")
-- through a tail call the caller frame is gone, so no position is added
ok, msg = run(function() return validate("t") end)
assert(msg == "need number")

-- error with level 0: no position
ok, msg = run(function() error("bare", 0) end)
assert(msg == "bare")

-- error(nil) gives a nil error object
ok, msg = run(function() error() end)
assert(ok == false and msg == nil)

-- errors in a coroutine do not disturb the caller's pcall state
local outer_ok, inner = pcall(function()
  local c = coroutine.create(function() error({code = 7}) end)
  local r, e = coroutine.resume(c)
  return (r and "?" or "code ") .. e.code
end)
print(outer_ok, inner)

-- a traceback of the dead coroutine is still available
local dco = coroutine.create(function() local x = nil; x() end)
print(coroutine.resume(dco))
local tb = debug.traceback(dco)
print(type(tb), tb:sub(1, 16))
