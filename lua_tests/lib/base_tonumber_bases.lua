-- tonumber with explicit bases 2..36: digits, case, whitespace, signs and invalid input
print(tonumber("1010", 2), tonumber("777", 8), tonumber("ff", 16), tonumber("FF", 16))
print(tonumber("z", 36), tonumber("Z", 36), tonumber("10", 36), tonumber("zz", 36))
print(tonumber("12", 3), tonumber("22", 3), tonumber("9", 10), tonumber("a", 11))

-- each base from 2 to 36 parses "10" as the base itself
local parts = {}
for b = 2, 36 do parts[#parts + 1] = tonumber("10", b) end
print(table.concat(parts, " "))

-- digits out of range for the base give nil
print(tonumber("2", 2), tonumber("8", 8), tonumber("g", 16), tonumber("a", 10))

-- surrounding whitespace is allowed, inner is not
print(tonumber("  101  ", 2), tonumber("\t7f\n", 16), tonumber("1 0", 2))

-- leading minus sign
print(tonumber("-ff", 16), tonumber("-101", 2), tonumber(" -z ", 36))

-- results are always integers
print(math.type(tonumber("10", 16)), math.type(tonumber("0", 2)))

-- no fractional parts or exponents with a base
print(tonumber("1.5", 10), tonumber("1e2", 10), tonumber("0x10", 16))

-- empty / sign-only strings
print(tonumber("", 10), tonumber("-", 10), tonumber(" ", 16))

-- large values wrap around modulo 2^64
print(tonumber("ffffffffffffffff", 16), tonumber("7fffffffffffffff", 16))

-- bad base errors
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, 10, 16))
print(pcall(tonumber, "10", 2.5))

-- base given as float with integral value
print(tonumber("11", 2.0))

local function check(s, b, v) assert(tonumber(s, b) == v, s .. " base " .. b) end
check("11111111", 2, 255)
check("377", 8, 255)
check("7v", 32, 255)
check("73", 36, 255)
print("ok")
