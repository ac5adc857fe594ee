-- Runtime error messages name the variable involved, as PUC Lua 5.4 does.
local function check(f, expected)
  local ok, msg = pcall(f)
  assert(not ok, "an error was expected")
  assert(msg == expected, "got: " .. tostring(msg) .. " expected: " .. expected)
end
local F = "runtime_error_messages.lua:"
check(function() local a; return a + 1 end, F .. "8: attempt to perform arithmetic on a nil value (local 'a')")
check(function() return undefined_global.x end, F .. "9: attempt to index a nil value (global 'undefined_global')")
check(function() local t = {} return t.a.b end, F .. "10: attempt to index a nil value (field 'a')")
check(function() local t = {} t:nomethod() end, F .. "11: attempt to call a nil value (method 'nomethod')")
check(function() return 1 < nil end, F .. "12: attempt to compare number with nil")
check(function() return {} < {} end, F .. "13: attempt to compare two table values")
check(function() local t = {k = {}} return "a" .. t.k end, F .. "14: attempt to concatenate a table value (field 'k')")
check(function() local x = 1; x() end, F .. "15: attempt to call a number value (local 'x')")
check(function() return #nil end, F .. "16: attempt to get length of a nil value")
check(function() error("plain") end, F .. "17: plain")
check(function() error("level2", 2) end, "level2")
check(function() local t = setmetatable({}, {__index = function(t, k) error("no " .. k) end}) return t.x end,
      F .. "19: no x")
print("error messages ok")
