-- Comparison errors: number with nil, two tables, string with number, mixed types in each operator order.
local function check(f, expected)
  local ok, m = pcall(f)
  assert(not ok)
  m = m:gsub("^compare_error_messages%.lua:%d+: ", "")
  print(m)
  assert(m == expected, m)
end

local n, t1, t2 = nil, {}, {}
check(function() return 1 < n end, "attempt to compare number with nil")
check(function() return n < 1 end, "attempt to compare nil with number")
check(function() return 2 <= n end, "attempt to compare number with nil")
check(function() return 3 > n end, "attempt to compare nil with number")
-- a >= b is evaluated as b <= a, so the operand order flips in the message
check(function() return n >= 4 end, "attempt to compare number with nil")
check(function() return t1 < t2 end, "attempt to compare two table values")
check(function() return t1 <= t2 end, "attempt to compare two table values")
check(function() return "10" < 5 end, "attempt to compare string with number")
check(function() return 5 >= "10" end, "attempt to compare string with number")
check(function() return true < false end, "attempt to compare two boolean values")
check(function() return {} < 1 end, "attempt to compare table with number")
check(function() return print < print end, "attempt to compare two function values")
check(function() return 1.5 < "x" end, "attempt to compare number with string")

-- equality never fails, across any types
print(1 == "1", t1 == t2, nil == false, 1 == 1.0, "a" ~= "a")

-- strings compare lexicographically, numbers numerically, int/float mixed fine
print("a" < "b", "Z" < "a", "abc" < "abd", "" < "a", 2 < 2.5, math.maxinteger < math.huge)

-- __lt on either operand enables < and >; a lone __le does not enable <
local mt = {__lt = function(a, b) return true end}
local x, y = setmetatable({}, mt), setmetatable({}, mt)
print(x < y, x > y, x < {}, {} > x)
local le_only = setmetatable({}, {__le = function() return true end})
print(le_only <= le_only)
check(function() return le_only < le_only end, "attempt to compare two table values")

-- sorting mixed types surfaces the comparison error
local ok, m = pcall(table.sort, {3, "a", 1})
print(ok, (m:gsub("^[^:]*:%d+: ", "")))
