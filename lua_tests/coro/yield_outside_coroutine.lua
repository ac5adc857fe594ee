-- coroutine.yield from the main thread fails, directly, via pcall, and from a metamethod or callback.
local ok, msg = pcall(coroutine.yield)
print(ok, msg)
assert(msg == "attempt to yield from outside a coroutine")

ok, msg = pcall(coroutine.yield, 1, 2, 3)
print(ok, msg)

-- from a Lua function called in the main thread: the error has no position prefix
ok, msg = pcall(function() coroutine.yield("x") end)
print(ok, msg)

-- from inside a metamethod in the main thread
local t = setmetatable({}, {__index = function() return coroutine.yield() end})
ok, msg = pcall(function() return t.any end)
print(ok, msg)

-- from inside xpcall: the handler receives the same message
local seen
ok, msg = xpcall(function() coroutine.yield() end, function(m) seen = m; return "handled" end)
print(ok, msg, seen)

-- a coroutine that finished: code after it in the main thread still cannot yield
local co = coroutine.wrap(function() coroutine.yield(1) end)
co()
co()
ok, msg = pcall(coroutine.yield)
print("after coroutine finished", ok, msg)

-- a function that yields works when called from a coroutine, fails from main
local function helper(v) return coroutine.yield(v) end
local w = coroutine.wrap(function() return "back: " .. helper("out") end)
print(w())
print(w("in"))
print(pcall(helper, "main"))

-- the main thread is unaffected by the failed yields
print(coroutine.isyieldable(), coroutine.status(coroutine.running()))
