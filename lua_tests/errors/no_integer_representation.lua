-- "number has no integer representation" from bitwise ops on floats and float counts/indices in library calls.
local function check(f, expected)
  local ok, m = pcall(f)
  assert(not ok)
  m = m:gsub("^no_integer_representation%.lua:%d+: ", "")
  print(m)
  assert(m == expected, m)
end

check(function() return 1.5 | 0 end, "number has no integer representation")
check(function() local f = 2.25 return f & 1 end, "number (local 'f') has no integer representation")
check(function() local t = {f = 0.5} return t.f ~ 1 end, "number (field 'f') has no integer representation")
check(function() return 1 << 0.5 end, "number has no integer representation")
check(function() return ~3.5 end, "number has no integer representation")
check(function() return math.huge // 1 | 0 end, "number has no integer representation")
check(function() return 2^63 | 0 end, "number has no integer representation")

-- floats with an exact integer value are accepted
print(3.0 | 0, 2.0 << 2, ~0.0, 0x10 & 0xFF, -1.0 >> 60)
assert((3.0 | 0) == 3 and math.type(3.0 | 0) == "integer")

-- strings are never coerced for bitwise ops (the string metamethods cover arithmetic only)
check(function() return "8" | 1 end, "attempt to perform bitwise operation on a string value (constant '8')")
check(function() return "abc" | 0 end, "attempt to perform bitwise operation on a string value (constant 'abc')")

-- library functions expecting integers
check(function() return string.rep("x", 2.5) end,
      "bad argument #2 to 'rep' (number has no integer representation)")
check(function() return ("abc"):sub(1.5) end,
      "bad argument #1 to 'sub' (number has no integer representation)")
check(function() return string.char(65.5) end,
      "bad argument #1 to 'char' (number has no integer representation)")
check(function() return table.concat({}, ",", 1.5) end,
      "bad argument #3 to 'concat' (number has no integer representation)")
check(function() return math.tointeger(2.5) or error("not integral", 0) end, "not integral")
check(function() return select(1.5, "a") end,
      "bad argument #1 to 'select' (number has no integer representation)")

-- but integral floats are fine there too
print(string.rep("ab", 3.0), ("hello"):sub(2.0, 4.0), string.char(72.0, 105.0))
print(math.tointeger(4.0), math.tointeger(4.5), math.tointeger("8"))
