-- Arithmetic error messages name the culprit (local/global/field/upvalue); non-numeric strings fail in string metamethods.
local function msg_of(f)
  local ok, m = pcall(f)
  assert(not ok)
  -- strip "file:line: " so the message is line-independent
  return (m:gsub("^[^:]+:%d+: ", ""))
end

local results = {}
local function check(f, expected)
  local m = msg_of(f)
  print(m)
  assert(m == expected, m)
  results[#results + 1] = m
end

local up_nil
local up_tab = {}
check(function() local a; return a + 1 end, "attempt to perform arithmetic on a nil value (local 'a')")
check(function() return missing_global * 2 end, "attempt to perform arithmetic on a nil value (global 'missing_global')")
check(function() local t = {} return t.count - 1 end, "attempt to perform arithmetic on a nil value (field 'count')")
check(function() return up_nil / 2 end, "attempt to perform arithmetic on a nil value (upvalue 'up_nil')")
check(function() return up_tab % 3 end, "attempt to perform arithmetic on a table value (upvalue 'up_tab')")
check(function() local t = {} return -t end, "attempt to perform arithmetic on a table value (local 't')")
-- non-numeric strings reach the string library's arithmetic metamethods, which word it differently
check(function() local s = "abc" return s + 1 end, "attempt to add a 'string' with a 'number'")
check(function() return "12x" * 2 end, "attempt to mul a 'string' with a 'number'")
check(function() local t = {name = "z"} return t.name ^ 2 end, "attempt to pow a 'string' with a 'number'")
check(function() local b = true return 1 + b end, "attempt to perform arithmetic on a boolean value (local 'b')")
check(function() local t = {} return t[1] + 1 end, "attempt to perform arithmetic on a nil value (field 'integer index')")
check(function() local f = print return f // 1 end, "attempt to perform arithmetic on a function value (local 'f')")

-- a <const> nil is folded away, so no variable name is reported
check(function() local k <const> = nil; return k + 1 end, "attempt to perform arithmetic on a nil value")

-- strings that ARE numbers are converted instead of failing
print("10" + 5, "3" * "4", "0x10" + 0, " 7 " - 1)
assert(("10" + 5) == 15)

-- bitwise ops use their own wording
check(function() local a; return a & 1 end, "attempt to perform bitwise operation on a nil value (local 'a')")
check(function() return {} | 1 end, "attempt to perform bitwise operation on a table value")
check(function() local s = "x" return ~s end, "attempt to perform bitwise operation on a string value (local 's')")
print(#results, "messages checked")
