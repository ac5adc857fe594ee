-- tonumber without a base: decimal, hex, floats, exponents, whitespace and invalid strings
print(tonumber("42"), tonumber("-42"), tonumber("+42"), tonumber("  42  "))
print(tonumber("3.25"), tonumber(".5"), tonumber("5."), tonumber("-.5"))
print(tonumber("1e3"), tonumber("1E-2"), tonumber("2.5e+1"), tonumber("1e"))
print(tonumber("0x10"), tonumber("0XfF"), tonumber("-0x10"), tonumber("0x"))
print(tonumber("0x1p4"), tonumber("0x.8"), tonumber("0xA.8p1"), tonumber("0x1P-1"))

-- integer vs float subtype
print(math.type(tonumber("10")), math.type(tonumber("10.0")), math.type(tonumber("1e1")))
print(math.type(tonumber("0x10")), math.type(tonumber("0x1p0")))

-- integer overflow in decimal converts to float
print(tonumber("9223372036854775807"), tonumber("9223372036854775808"))
print(math.type(tonumber("9223372036854775808")))
-- hex integers wrap around
print(tonumber("0xffffffffffffffff"), tonumber("0x10000000000000000"))

-- invalid strings
print(tonumber("abc"), tonumber("1a"), tonumber("1 2"), tonumber(""), tonumber("  "))
print(tonumber("1..2"), tonumber("--1"), tonumber("0x1g"), tonumber("1e1.5"))
print(tonumber("inf"), tonumber("nan"), tonumber("1_000"))

-- whitespace characters accepted around numbers
print(tonumber("\t\n\v\f\r 7 \t\n"))

-- embedded zero byte makes it invalid
print(tonumber("7\0"))

-- non-string non-number values
print(tonumber(nil), tonumber(true), tonumber({}))
print(pcall(tonumber))

-- numbers are returned unchanged
print(tonumber(7), tonumber(7.5), math.type(tonumber(7)))

-- string coercion in arithmetic follows the same rules
print("10" + 0, "0x10" + 0, "1e2" + 0, " 5 " * 2)
print(pcall(function() return "abc" + 1 end))
