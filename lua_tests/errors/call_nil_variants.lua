-- Calling non-functions: nil global, method, field, local, upvalue, and non-callable values with names.
local function check(f, expected)
  local ok, m = pcall(f)
  assert(not ok)
  m = m:gsub("^call_nil_variants%.lua:%d+: ", "")
  print(m)
  assert(m == expected, m)
end

local helper
local obj = {data = 1}
check(function() not_defined_anywhere() end, "attempt to call a nil value (global 'not_defined_anywhere')")
check(function() obj:missing(1, 2) end, "attempt to call a nil value (method 'missing')")
check(function() obj.missing() end, "attempt to call a nil value (field 'missing')")
check(function() local fn; fn() end, "attempt to call a nil value (local 'fn')")
check(function() helper("x") end, "attempt to call a nil value (upvalue 'helper')")
check(function() obj.data() end, "attempt to call a number value (field 'data')")
check(function() local s = "text"; s() end, "attempt to call a string value (local 's')")
check(function() local t = {} t() end, "attempt to call a table value (local 't')")
check(function() string.nothing("a") end, "attempt to call a nil value (field 'nothing')")
check(function() ("str"):nomethod() end, "attempt to call a nil value (method 'nomethod')")
check(function() local t = {{}} t[1]() end, "attempt to call a table value (field 'integer index')")

-- calling the result of a call has no name
check(function() local function g() return nil end g()() end, "attempt to call a nil value")

-- tail calls report the same way
check(function() return not_here(1) end, "attempt to call a nil value (global 'not_here')")

-- a __call metamethod makes a table callable; a non-function __call is still an error
local callable = setmetatable({}, {__call = function(self, a) return "called with " .. a end})
print(callable(5))
local weird = setmetatable({}, {__call = 42})
local ok, m = pcall(weird)
print(ok, (m:gsub("^[^:]+:%d+: ", "")))
ok, m = pcall(function() return weird() end)
print(ok, (m:gsub("^[^:]+:%d+: ", "")))

-- pcall itself on a nil value does not raise, it returns the error
print(pcall(nil))
print(pcall(42))
