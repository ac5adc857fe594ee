-- Arithmetic coerces numeric strings to numbers; comparison and table keys do not.
assert("10" + 5 == 15 and math.type("10" + 5) == "integer", "integer string stays integer")
assert("10.0" + 5 == 15.0 and math.type("10.0" + 5) == "float", "float string gives float")
assert("0x10" * 2 == 32, "hex strings are converted")
assert(" 7 " - 2 == 5, "surrounding spaces are allowed")
assert("1e2" * 1 == 100.0, "exponent strings are floats")
assert(-"3" == -3, "unary minus coerces")
assert("2" ^ "3" == 8.0)
assert("7" // "2" == 3 and "7" % "2" == 1)
assert(("3" + 0) | 0 == 3, "bitwise ops need numbers, converted first")

-- failed coercions raise errors
local ok, err = pcall(function() return "abc" + 1 end)
assert(not ok and string.find(err, "attempt to add a 'string' with a 'number'", 1, true), err)
ok, err = pcall(function() return {} + 1 end)
assert(not ok and string.find(err, "attempt to perform arithmetic on a table value", 1, true), err)
ok, err = pcall(function() return "3" | 0 end)
assert(not ok and string.find(err, "attempt to perform bitwise operation on a string value", 1, true), err)
ok, err = pcall(function() return 1.5 | 0 end)
assert(not ok and string.find(err, "number has no integer representation", 1, true), err)

-- comparisons never coerce
assert(("10" == 10) == false, "string and number are never equal")
ok, err = pcall(function() return "10" < 5 end)
assert(not ok and string.find(err, "attempt to compare", 1, true), err)

-- table keys are not coerced
local t = {}
t["1"] = "string key"
t[1] = "number key"
assert(t["1"] == "string key" and t[1] == "number key")

-- tonumber variants
assert(tonumber("  0x1p4  ") == 16.0, "hex float")
assert(tonumber("1e") == nil and tonumber("") == nil and tonumber(" ") == nil)
assert(tonumber("10", 2) == 2 and tonumber("ff", 16) == 255 and tonumber("zz", 36) == 1295)
assert(tonumber("8", 8) == nil, "digit out of range for base")
assert(math.type(tonumber("9223372036854775807")) == "integer")
assert(math.type(tonumber("9223372036854775808")) == "float", "overflowing decimal becomes float")
assert(tonumber("inf") == nil and tonumber("nan") == nil)

print("10" + 5, "10.0" + 5, "0x10" * 2, "1e2" * 1, -"3", "7" // "2")
print(tonumber("0x1p4"), tonumber("ff", 16), tonumber("  12  "), tonumber("1e1"))
print(math.type("5" * "2"), math.type("5" / "1"), "3" .. 4)
