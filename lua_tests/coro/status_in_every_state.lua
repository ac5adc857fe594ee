-- coroutine.status reports suspended, running, normal and dead at each stage, from inside and outside.
local log = {}
local function note(s) log[#log + 1] = s; print(s) end

local a, b
b = coroutine.create(function()
  note("b sees a: " .. coroutine.status(a))
  note("b sees b: " .. coroutine.status(b))
  coroutine.yield()
  note("b resumed again")
end)
a = coroutine.create(function()
  note("a sees a: " .. coroutine.status(a))
  note("a sees b before: " .. coroutine.status(b))
  coroutine.resume(b)
  note("a sees b after yield: " .. coroutine.status(b))
  coroutine.yield()
  coroutine.resume(b)
  note("a sees b finished: " .. coroutine.status(b))
end)

note("fresh a: " .. coroutine.status(a))
assert(coroutine.resume(a))
note("a after yield: " .. coroutine.status(a))
assert(coroutine.resume(a))
note("a finished: " .. coroutine.status(a))

-- a coroutine that errored is dead as well
local e = coroutine.create(function() error("boom") end)
coroutine.resume(e)
note("errored: " .. coroutine.status(e))

-- the main thread is always running from its own point of view
local main = coroutine.running()
note("main: " .. coroutine.status(main))
local seen
coroutine.wrap(function() seen = coroutine.status(main) end)()
note("main seen from a coroutine: " .. seen)
assert(seen == "normal")

-- wrap's underlying coroutine observed through running()
local inner
local w = coroutine.wrap(function()
  inner = coroutine.running()
  coroutine.yield()
end)
w()
note("wrapped between calls: " .. coroutine.status(inner))
w()
note("wrapped after return: " .. coroutine.status(inner))
assert(#log == 15)
