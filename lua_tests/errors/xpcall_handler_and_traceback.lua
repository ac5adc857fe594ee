-- xpcall handlers receive the original error value; debug.traceback returns a string starting with the message.
local received
local ok, r = xpcall(function() error("plain message") end, function(e) received = e; return "mapped" end)
print(ok, r, received)
assert(received == "xpcall_handler_and_traceback.lua:3: plain message")

-- table error values reach the handler unchanged
local tbl = {id = 9}
ok, r = xpcall(function() error(tbl) end, function(e) return e == tbl, e.id end)
print(ok, r)

-- runtime errors reach the handler as strings with position and variable info
ok, r = xpcall(function() local u; return u.x end, function(e) return "H:" .. e end)
print(ok, r)

-- extra arguments are passed to the protected function
ok, r = xpcall(function(a, b) return a * b end, print, 6, 7)
print(ok, r)

-- debug.traceback as the handler
ok, r = xpcall(function() error("traced") end, debug.traceback)
print(ok, type(r))
local first = r:match("^[^\n]*")
print(first)
assert(first == "xpcall_handler_and_traceback.lua:21: traced")
print(r:find("\nstack traceback:\n", 1, true) ~= nil)

-- debug.traceback with an explicit message and level
local tb = debug.traceback("custom msg", 1)
print(tb:match("^[^\n]*"), tb:match("\n([^\n]*)"))
-- numbers count as strings; other non-string messages are returned untouched
print((debug.traceback(123):match("^[^\n]*")), type(debug.traceback({})), debug.traceback(true))
print((debug.traceback(nil):match("^[^\n]*")))
-- no message: starts directly with the traceback header
print((debug.traceback():match("^[^\n]*")))

-- the handler runs before the stack unwinds: it can see the erroring function's locals
local seen
xpcall(function()
  local secret = "visible"
  error("x")
end, function(e)
  for level = 2, 6 do
    local name, value = debug.getlocal(level, 1)
    if name == "secret" then seen = name .. "=" .. value .. " at level " .. level break end
  end
end)
print("handler saw", seen)

-- the handler's return values: only the first is kept
print(xpcall(error, function() return 1, 2, 3 end, "e"))
-- bad handler argument
print(pcall(xpcall, function() end))
