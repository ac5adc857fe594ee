-- coroutine.close on a suspended coroutine runs its pending to-be-closed variables in reverse order.
local order = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, err)
    order[#order + 1] = name .. ":" .. tostring(err)
  end})
end

local co = coroutine.create(function()
  local a <close> = closer("a")
  do
    local b <close> = closer("b")
    local c <close> = closer("c")
    coroutine.yield("inside block")
  end
  coroutine.yield("never reached")
end)
print(coroutine.resume(co))
print("before close", #order, coroutine.status(co))
print("close", coroutine.close(co))
print("after close", coroutine.status(co))
print(table.concat(order, " "))
assert(table.concat(order, " ") == "c:nil b:nil a:nil")

-- closing again is harmless and returns true
print("close again", coroutine.close(co))

-- closing a coroutine that has not started: nothing to close
local fresh = coroutine.create(function() local x <close> = closer("fresh") end)
order = {}
print("close fresh", coroutine.close(fresh), coroutine.status(fresh), #order)

-- a __close that errors makes close return false plus that error
local co2 = coroutine.create(function()
  local ok1 <close> = closer("first")
  local bad <close> = setmetatable({}, {__close = function() error("close failed", 0) end})
  coroutine.yield()
end)
order = {}
coroutine.resume(co2)
local ok, err = coroutine.close(co2)
print("close with failing __close", ok, err, coroutine.status(co2))
assert(ok == false and err == "close failed")
-- the remaining variable still got closed, and saw the error
print(table.concat(order, " "))
assert(order[1] == "first:close failed")

-- resuming a closed coroutine is an error
print(coroutine.resume(co2))
