-- string.format argument errors: wrong types, missing arguments, invalid conversions, with PUC wording.
-- called from Lua code the function is named 'format'; via pcall directly it would be 'string.format'
local function check(expected, ...)
  local args = table.pack(...)
  local ok, m = pcall(function() return string.format(table.unpack(args, 1, args.n)) end)
  assert(not ok)
  m = m:gsub("^string_format_bad_args%.lua:%d+: ", "")
  print(m)
  assert(m == expected, m)
end

check("bad argument #2 to 'format' (number expected, got string)", "%d", "abc")
check("bad argument #2 to 'format' (number expected, got nil)", "%f", nil)
check("bad argument #3 to 'format' (number expected, got table)", "%s %x", "ok", {})
check("bad argument #2 to 'format' (no value)", "%d")
check("bad argument #3 to 'format' (no value)", "%s and %s", "one")
check("bad argument #2 to 'format' (number has no integer representation)", "%d", 1.5)
check("bad argument #2 to 'format' (number has no integer representation)", "%x", "2.5")
check("bad argument #1 to 'format' (string expected, got nil)", nil)
check("bad argument #1 to 'format' (string expected, got table)", {})
check("bad argument #2 to 'format' (number expected, got boolean)", "%c", true)

-- invalid conversion specifiers
check("invalid conversion '%y' to 'format'", "%y", 1)
check("invalid conversion '%10' to 'format'", "%10", 1)

-- valid formats for comparison, including numeric strings for %d
print(string.format("%d|%5.2f|%x|%s|%q", "42", 3.14159, 255, nil, "a\nb"))
print(string.format("%5s|%-5s|%%|%c%c", "ab", "cd", 72, 105))
print(string.format("%d", 3.0), string.format("%.3f", 2), string.format("%s", 1.0))

-- %s of a table without __tostring works (but prints an address), so only check the type
print(type(string.format("%s", {})))

-- too many arguments are simply ignored
print(string.format("%s", "only", "extra", "ignored"))

-- as a method call the receiver is not counted, so the bad value is argument #1
local ok, m = pcall(function() return ("%d"):format("x") end)
print(ok, (m:gsub("^[^:]+:%d+: ", "")))
-- directly through pcall the qualified name is used
print(pcall(string.format, "%d", "x"))
