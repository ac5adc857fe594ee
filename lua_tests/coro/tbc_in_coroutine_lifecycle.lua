-- To-be-closed variables inside coroutines: closed on return, on error (seeing the error), and may yield in __close.
local events = {}
local function res(name)
  return setmetatable({}, {__close = function(_, e)
    events[#events + 1] = name .. "(" .. tostring(e) .. ")"
  end})
end

-- normal return closes after computing the results
local co = coroutine.create(function()
  local r <close> = res("ret")
  coroutine.yield("holding")
  events[#events + 1] = "body end"
  return "value"
end)
print(coroutine.resume(co))
print(#events)
print(coroutine.resume(co))
print(table.concat(events, " "))
assert(table.concat(events, " ") == "body end ret(nil)")

-- an error leaves variables pending (stack not unwound) until coroutine.close, which passes the error
events = {}
co = coroutine.create(function()
  local a <close> = res("a")
  local b <close> = res("b")
  coroutine.yield()
  error("kaboom", 0)
end)
coroutine.resume(co)
print(coroutine.resume(co))
print("pending after error", #events)
assert(#events == 0)
print(coroutine.close(co))
print(table.concat(events, " "))
assert(table.concat(events, " ") == "b(kaboom) a(kaboom)")

-- __close itself may yield (Lua 5.4.3+)
events = {}
co = coroutine.create(function()
  local y <close> = setmetatable({}, {__close = function()
    local v = coroutine.yield("closing")
    events[#events + 1] = "close got " .. v
  end})
  return "returned"
end)
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.resume(co, "resumed-in-close"))
print(table.concat(events, " "), coroutine.status(co))

-- a block exit inside a coroutine closes only that block's variables
events = {}
local w = coroutine.wrap(function()
  local outer <close> = res("outer")
  for i = 1, 2 do
    local inner <close> = res("inner" .. i)
    coroutine.yield(i)
  end
  coroutine.yield("loop done")
end)
print(w(), w(), w())
print(table.concat(events, " "))
