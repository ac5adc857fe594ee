-- pcall/xpcall: return values, handler arguments, handler results, extra args and traceback presence
print(pcall(function(...) return ... end, 1, nil, 3))
print(select('#', pcall(function() end)))

-- pcall with a non-callable value
local ok, msg = pcall(42)
print(ok, msg)

-- xpcall passes the error value to the handler and returns its results
local seen
ok, msg = xpcall(function() error({tag = "boom"}) end, function(e) seen = e; return "handled:" .. e.tag end)
print(ok, msg, seen.tag)

-- xpcall forwards extra arguments to the function
print(xpcall(function(a, b) return a + b, a * b end, print, 6, 7))

-- handler receives message with position
ok, msg = xpcall(function() local x = nil; return x.field end, function(m) return "H<" .. m .. ">" end)
print(ok, msg)

-- debug.traceback as handler produces a string containing a traceback header
ok, msg = xpcall(function() error("deep failure") end, debug.traceback)
print(ok, type(msg))
assert(msg:find("deep failure", 1, true))
assert(msg:find("stack traceback:", 1, true))
print(msg:match("^[^\n]*"))

-- a handler returning several values: xpcall keeps only the first
local r = table.pack(xpcall(error, function(m) return 1, 2, 3 end, "x"))
print(r.n, r[1], r[2])

-- nested pcall: inner error doesn't escape
ok, msg = pcall(function()
  local iok, imsg = pcall(error, "inner", 0)
  return "outer saw " .. tostring(iok) .. " " .. imsg
end)
print(ok, msg)

-- error in an error handler
ok, msg = xpcall(function() error("first") end, function(m) error("second") end)
print(ok, type(msg))

-- pcall catches runtime errors from builtins
print(pcall(string.rep))
print(pcall(math.floor, "abc"))
ok, msg = pcall(function() return 1 + {} end)
print(ok, msg)
ok, msg = pcall(function() return #nil end)
print(ok, msg)
