-- Length (#) and unary minus errors name their operand; __len/__unm metamethods and strings avoid them.
local function check(f, expected)
  local ok, m = pcall(f)
  assert(not ok)
  m = m:gsub("^length_and_unary_errors%.lua:%d+: ", "")
  print(m)
  assert(m == expected, m)
end

local upv = 10
local holder = {n = 5, b = true}
check(function() local x; return #x end, "attempt to get length of a nil value (local 'x')")
check(function() return #missing_len_global end, "attempt to get length of a nil value (global 'missing_len_global')")
check(function() return #holder.n end, "attempt to get length of a number value (field 'n')")
check(function() return #upv end, "attempt to get length of a number value (upvalue 'upv')")
check(function() return #holder.b end, "attempt to get length of a boolean value (field 'b')")
check(function() local f = print return #f end, "attempt to get length of a function value (local 'f')")
check(function() return -holder end, "attempt to perform arithmetic on a table value (upvalue 'holder')")
check(function() return -holder.b end, "attempt to perform arithmetic on a boolean value (field 'b')")
-- a non-numeric string goes to the string library's __unm, which words it oddly (operand used twice)
check(function() local s = "abc" return -s end, "attempt to unm a 'string' with a 'string'")

-- strings and tables have a length; numeric strings negate
print(#"hello", #{1, 2, 3}, -"2", -"2.5", - -3)

-- __len and __unm make the operators work on tables
local v = setmetatable({}, {__len = function() return 42 end, __unm = function() return "negated" end})
print(#v, -v)

-- __len returning a non-number is allowed for #, but rawlen ignores it
local odd = setmetatable({1, 2}, {__len = function() return "many" end})
print(#odd, rawlen(odd))

-- table.insert relies on # and propagates errors from __len
local bad = setmetatable({}, {__len = function() error("len failed", 0) end})
local ok, m = pcall(table.insert, bad, 1)
print(ok, m)

-- rawlen on non-table/string values is a bad argument
print(pcall(rawlen, 5))
