-- where __close handlers run when an error unwinds to a pcall (PUC: after the unwinding, with pcall as their
-- caller), a coroutine closing its variables after an error, and debug hooks, which belong to one thread
local function closing(f) return setmetatable({}, {__close = f}) end

-- a __close run by an error unwinding to pcall sees pcall as its caller
local where, got
local function fails()
  local x <close> = closing(function(_, err)
    local info = debug.getinfo(2, "Sn")
    where, got = info.what .. " " .. tostring(info.name), err
  end)
  error(43)
end
print(pcall(fails))
print(where, got)
local co = coroutine.create(function() return pcall(fails) end)
print(coroutine.resume(co))
print(where, got)
-- with no error the handler's caller is the function that leaves the block
local function ok()
  local x <close> = closing(function() where = debug.getinfo(2, "S").what end)
end
ok()
print(where)

-- a built-in called from Lua has a name in debug.getinfo
print(pcall(function() local i = debug.getinfo(2, "n") return i.name, i.namewhat end))

-- a coroutine that fails runs its __close handlers while it is still running: it cannot be resumed, and a
-- pcall inside a handler catches errors
local wrapped
wrapped = coroutine.wrap(function()
  local x <close> = closing(function()
    print("in handler", pcall(wrapped))
    print("handler pcall", pcall(error, "caught"))
  end)
  error(111)
end)
print(pcall(wrapped))
print(pcall(wrapped))

-- debug.sethook on a coroutine hooks that coroutine only
local events = {}
local c = coroutine.create(function()
  coroutine.yield(10)
  return 20
end)
debug.sethook(c, function(ev) events[#events + 1] = ev end, "cr")
print(debug.gethook())
print(select(2, debug.gethook(c)))
repeat until not coroutine.resume(c)
print(table.concat(events, " "))
debug.sethook(c)
print(debug.gethook(c))

-- a coroutine starts with the hook of the thread that creates it
local count = 0
debug.sethook(function() count = count + 1 end, "c")
local c2 = coroutine.create(function() local _ = math.abs(-1) end)
debug.sethook()
local inherited = select(2, debug.gethook(c2))
coroutine.resume(c2)
print(inherited, count > 0, debug.gethook())

-- debug.upvalueid of a missing upvalue is nil
local up = 1
local function g() return up end
print(debug.upvalueid(g, 1) ~= nil, debug.upvalueid(g, 2), debug.upvalueid(print, 1))
print(pcall(debug.upvalueid, 1, 1))
