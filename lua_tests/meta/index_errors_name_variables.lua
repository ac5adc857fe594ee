-- Indexing or calling non-indexable values without metamethods raises errors that name the variable kind.
local function msg(f)
  local ok, err = pcall(f)
  assert(not ok)
  return (string.gsub(err, "^.-:%d+: ", ""))
end

local loc = nil
local m1 = msg(function() return loc.x end)
assert(m1 == "attempt to index a nil value (upvalue 'loc')", m1)

local m2 = msg(function() local n = 1; return n.x end)
assert(m2 == "attempt to index a number value (local 'n')", m2)

local m3 = msg(function() return undefined_global_xyz.field end)
assert(m3 == "attempt to index a nil value (global 'undefined_global_xyz')", m3)

local t = {}
local m4 = msg(function() return t.a.b end)
assert(m4 == "attempt to index a nil value (field 'a')", m4)

local m5 = msg(function() local b = true; b.x = 1 end)
assert(m5 == "attempt to index a boolean value (local 'b')", m5)

local m6 = msg(function() t.method() end)
assert(m6 == "attempt to call a nil value (field 'method')", m6)

local m7 = msg(function() local f = 3; f() end)
assert(m7 == "attempt to call a number value (local 'f')", m7)

-- giving a value a metatable with __index makes it indexable
local wrapped = setmetatable({}, {__index = function(_, k) return "k:" .. k end})
assert(wrapped.a == "k:a")

-- debug.setmetatable can give numbers methods (restored afterwards)
debug.setmetatable(0, {__index = {double = function(n) return n * 2 end}})
local five = 5
assert(five:double() == 10 and (2.5):double() == 5.0)
debug.setmetatable(0, nil)
assert(getmetatable(0) == nil)
local m8 = msg(function() return five:double() end)
assert(m8 == "attempt to index a number value (upvalue 'five')", m8)

-- functions can get a metatable via debug.setmetatable too
debug.setmetatable(print, {__index = {kind = "function"}})
assert(print.kind == "function" and (function() end).kind == "function", "all functions share it")
debug.setmetatable(print, nil)

-- booleans with __call
debug.setmetatable(true, {__call = function(b, x) return b and x or "no" end})
assert((true)(1) == 1 and (false)(1) == "no")
debug.setmetatable(true, nil)
print(m1, m2, m3, m4)
print(m5, m6, m7, m8)
