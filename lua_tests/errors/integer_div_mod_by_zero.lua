-- Integer // and % by zero raise "attempt to divide by zero" / "attempt to perform 'n%%0'"; floats give inf/nan.
local function check(f, expected)
  local ok, m = pcall(f)
  assert(not ok)
  m = m:gsub("^integer_div_mod_by_zero%.lua:%d+: ", "")
  print(m)
  assert(m == expected, m)
end

local zero = 0
check(function() return 1 // zero end, "attempt to divide by zero")
check(function() return 7 % zero end, "attempt to perform 'n%0'")
check(function() local a, b = -5, 0 return a // b end, "attempt to divide by zero")
check(function() local a, b = math.mininteger, 0 return a % b end, "attempt to perform 'n%0'")
-- constant operands are not folded when the division would fail
check(function() return 10 // 0 end, "attempt to divide by zero")
check(function() return 10 % 0 end, "attempt to perform 'n%0'")
-- a string operand goes through the string library's __idiv (a C function), so no position is added
local ok0, m0 = pcall(function() return "8" // zero end)
print(ok0, m0)
assert(m0 == "attempt to divide by zero")

-- float division never raises
local function show(x)
  if x ~= x then return "nan" end
  return tostring(x)
end
print(show(1 / 0), show(-1 / 0), show(0 / 0 ~= 0 / 0 and 0 / 0 or 1))
print(show(1.0 // 0), show(-1 // 0.0), show(1 % 0.0), show(5.5 % math.huge))
print(show(0.0 // 0), show(zero / zero), show(-zero // 1.0))

-- integer overflow cases wrap rather than raise
print(math.mininteger // -1, math.mininteger % -1)
assert(math.mininteger // -1 == math.mininteger)
print(7 // -2, -7 // 2, 7 % -3, -7 % 3, 7.5 // 2, -7.5 % 2)

-- math.fmod with integer zero raises its own message
local ok, m = pcall(math.fmod, 5, 0)
print(ok, m)
print(show(math.fmod(5, 0.0)), math.fmod(-7, 3), math.fmod(7, -3))
