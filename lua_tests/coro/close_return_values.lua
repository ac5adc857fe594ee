-- coroutine.close return values: dead-after-error gives false+error, finished gives true, running/normal are errors.
-- a coroutine that died with an error: close reports that error
local co = coroutine.create(function() error("broken") end)
local ok, msg = coroutine.resume(co)
print("resume", ok, msg)
local cok, cerr = coroutine.close(co)
print("close errored", cok, cerr)
assert(cok == false and cerr == "close_return_values.lua:3: broken")
print("status", coroutine.status(co))

-- error object that is a table is returned as is
local payload = {reason = "table error"}
local co2 = coroutine.create(function() error(payload) end)
coroutine.resume(co2)
cok, cerr = coroutine.close(co2)
print("close table error", cok, cerr == payload, cerr.reason)

-- a coroutine that returned normally: close gives just true
local co3 = coroutine.create(function() return 1, 2, 3 end)
print("resume", coroutine.resume(co3))
print("close finished", select("#", coroutine.close(co3)), coroutine.close(co3))

-- closing the running coroutine is an error
local co4 = coroutine.create(function()
  return pcall(coroutine.close, coroutine.running())
end)
print("close running", coroutine.resume(co4))

-- closing a normal (resuming another) coroutine is an error
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function()
    return pcall(coroutine.close, outer)
  end)
  return coroutine.resume(inner)
end)
print("close normal", coroutine.resume(outer))

-- closing the main thread from inside a coroutine is also an error
local main = coroutine.running()
print("close main", coroutine.wrap(function() return pcall(coroutine.close, main) end)())

-- bad argument
print(pcall(coroutine.close, 42))
