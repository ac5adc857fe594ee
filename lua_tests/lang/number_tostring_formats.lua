-- tostring/print/concat of numbers: %.14g for floats, a trailing .0 for integral floats, inf and -0.0.
local function show(x) return tostring(x) end
local expect = {
  {1e15, "1e+15"}, {1e14, "1e+14"}, {123456789012345.0, "1.2345678901234e+14"},
  {100000000000000, "100000000000000"}, {2^53, "9.007199254741e+15"},
  {-0.0, "-0.0"}, {0.0, "0.0"}, {3.0, "3.0"}, {-3.0, "-3.0"},
  {1/0, "inf"}, {-1/0, "-inf"}, {0.1, "0.1"}, {1/3, "0.33333333333333"},
  {1e-5, "1e-05"}, {123.456, "123.456"}, {2^63, "9.2233720368548e+18"},
  {math.maxinteger, "9223372036854775807"}, {math.mininteger, "-9223372036854775808"},
  {1e100, "1e+100"}, {5e-324, "4.9406564584125e-324"}, {255 // 1, "255"}, {7 / 7, "1.0"},
}
for i, pair in ipairs(expect) do
  local got = show(pair[1])
  assert(got == pair[2], i .. ": expected " .. pair[2] .. " got " .. got)
end

-- concatenation uses the same conversion
assert(1 .. "" == "1")
assert(1.0 .. "" == "1.0")
assert(-0.0 .. "|" == "-0.0|")
assert(2^63 .. "" == "9.2233720368548e+18")
assert(10 // 3 .. "x" == "3x")
assert(1e15 .. "" == "1e+15")

-- string.format %d refuses non-integral floats, accepts integral ones
assert(string.format("%d", 3.0) == "3")
local ok, err = pcall(string.format, "%d", 3.5)
assert(not ok and string.find(err, "number has no integer representation", 1, true))
assert(string.format("%.3f", 1/3) == "0.333")
assert(string.format("%g", 1e20) == "1e+20")
assert(string.format("%5.1f|", 2.25) == "  2.2|" or string.format("%5.1f|", 2.25) == "  2.3|")

-- math.tointeger and float/integer conversions
assert(math.tointeger(3.0) == 3 and math.tointeger(3.5) == nil)
assert(math.type(3 // 1.0) == "float")
assert(tostring(3 | 0) == "3")
assert(tostring(2^31 | 0) == "2147483648")

for _, pair in ipairs(expect) do io.write(show(pair[1]), " ") end
print()
print(1e15, 1e16, -1e15, 0.1 + 0.2, 100 / 3, -0.0, 1 / 0, math.pi)
print(1, 1.0, -1.5, 1e300 * 1e10, 2^24, 2^-1074)
