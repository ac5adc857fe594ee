-- Resuming a dead coroutine, the running coroutine, or a normal one fails with PUC's exact messages.
local co = coroutine.create(function() return "once" end)
print(coroutine.resume(co))
print(coroutine.resume(co))
local ok, msg = coroutine.resume(co)
assert(not ok and msg == "cannot resume dead coroutine")

-- resuming itself while running
local self_co
self_co = coroutine.create(function()
  return coroutine.resume(self_co)
end)
print(coroutine.resume(self_co))

-- resuming a coroutine that is in 'normal' state (it resumed us)
local a, b
a = coroutine.create(function()
  return coroutine.resume(b)
end)
b = coroutine.create(function()
  local r1, r2 = coroutine.resume(a)
  return "b got", r1, r2
end)
print(coroutine.resume(a))

-- the main thread cannot be resumed either
local main = coroutine.running()
print(coroutine.resume(main))
print(coroutine.wrap(function() return coroutine.resume(main) end)())

-- wrap variants raise instead of returning false
local w
w = coroutine.wrap(function() return w() end)
print(pcall(w))

local wd = coroutine.wrap(function() end)
wd()
print(pcall(wd))

-- bad arguments to resume/status/wrap
print(pcall(coroutine.resume, nil))
print(pcall(coroutine.resume, "not a thread"))
print(pcall(coroutine.status, {}))
print(pcall(coroutine.wrap, 1))
print(pcall(coroutine.create, "f"))

-- after all this, a dead coroutine stays dead and error-free for status
print(coroutine.status(co), coroutine.status(self_co), coroutine.status(a), coroutine.status(b))
