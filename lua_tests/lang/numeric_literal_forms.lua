-- Numeric literal syntax: decimal/hex integers and floats, exponents, hex floats with p exponents, and their types.
local cases = {
  {3, "integer"}, {3.0, "float"}, {3., "float"}, {.5, "float"}, {1e2, "float"},
  {1E-2, "float"}, {0x10, "integer"}, {0XfF, "integer"}, {0x.8, "float"},
  {0x1p4, "float"}, {0x1P-1, "float"}, {0xA.8p0, "float"}, {0x1.8, "float"},
}
local shown = {}
for i, c in ipairs(cases) do
  assert(math.type(c[1]) == c[2], "case " .. i)
  shown[i] = tostring(c[1])
end
print(table.concat(shown, " "))

assert(3. == 3 and .5 == 0.5 and 1e2 == 100)
assert(0x.8 == 0.5 and 0x1p4 == 16 and 0x1P-1 == 0.5 and 0xA.8p0 == 10.5 and 0x1.8 == 1.5)
assert(0xff == 255 and 0XFF == 255)

-- very long decimal integers turn into floats; long hex integers wrap
assert(math.type(18446744073709551616) == "float")
assert(0x1FFFFFFFFFFFFFFFF == -1, "hex wraps modulo 2^64")

-- a minus sign is an operator, not part of the literal
assert(- 1 == -1 and -0x10 == -16)
assert(2^-2 == 0.25)

-- malformed numbers are lexical errors
local bad = {"return 1e", "return 0x", "return 1.2.3", "return 3x", "return 0xg", "return 1e+"}
for _, src in ipairs(bad) do
  local f, err = load(src)
  assert(f == nil and string.find(err, "malformed number", 1, true), src .. " -> " .. tostring(err))
end

-- tonumber accepts the same forms from strings, plus surrounding spaces
assert(tonumber("0x1p4") == 16.0 and tonumber(".5") == 0.5 and tonumber("5.") == 5.0)
assert(tonumber("1e2") == 100.0 and math.type(tonumber("0x10")) == "integer")
assert(tonumber("0x") == nil and tonumber("1e") == nil and tonumber("- 1") == nil)
assert(tonumber("-0x10") == -16, "tonumber allows a sign before hex")

-- numbers immediately followed by .. need a space
local f, err = load("return 1..2")
assert(f == nil and string.find(err, "malformed number near '1..2'", 1, true), err)
assert(1 .. 2 == "12")

-- max and min integer literals
assert(9223372036854775807 == math.maxinteger)
assert(-9223372036854775808 == math.mininteger)
assert(math.type(-9223372036854775808) == "float", "the literal itself overflows before negation")
print(0x7fffffffffffffff, 0xffffffffffffffff, 1e308 * 10, 0x1p-1074 > 0, 123e-2, 0x.1)
