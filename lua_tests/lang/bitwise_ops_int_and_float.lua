-- Bitwise operators on integers and on floats with exact integral values; non-integral floats are errors.
assert(0xF0 | 0x0F == 0xFF)
assert(0xF0 & 0x3C == 0x30)
assert(0xF0 ~ 0xFF == 0x0F)
assert(~0 == -1 and ~5 == -6)
assert(1 << 4 == 16 and 256 >> 4 == 16)

-- shifts are logical and shift counts >= 64 give zero; negative shifts reverse direction
assert(-1 >> 1 == math.maxinteger, "right shift fills with zeros")
assert(1 << 63 == math.mininteger)
assert(1 << 64 == 0 and -1 >> 64 == 0)
assert(8 << -1 == 4 and 8 >> -2 == 32)
assert(1 << -64 == 0)

-- floats with integral values are converted
assert(3.0 | 0 == 3 and math.type(3.0 | 0) == "integer")
assert(2.0^10 & 0xFFFF == 1024)
assert(1.0 << 2.0 == 4)
assert(-1.0 ~ 0 == -1)
assert(~1.0 == -2)

-- non-integral or out-of-range floats raise an error
local function err_of(f)
  local ok, e = pcall(f)
  assert(not ok)
  return (string.gsub(e, "^.-:%d+: ", ""))
end
local e1 = err_of(function() return 1.5 | 0 end)
assert(e1 == "number has no integer representation", e1)
local e2 = err_of(function() return 2^63 & 1 end)
assert(e2 == "number has no integer representation", e2)
local e3 = err_of(function() local t = {}; return t & 1 end)
assert(string.find(e3, "attempt to perform bitwise operation on a table value", 1, true), e3)
local e4 = err_of(function() return ~(0/0) end)
assert(e4 == "number has no integer representation", e4)

-- precedence: shifts bind tighter than &, & tighter than ~, ~ tighter than |
assert(1 | 2 ~ 3 & 4 << 1 == (1 | (2 ~ (3 & (4 << 1)))))
assert(1 + 1 << 2 == 8, "arithmetic binds tighter than shifts")
assert(5 & 3 == 1, "comparison binds looser than &")

-- masks with negative numbers
assert(-1 & 0xFF == 255)
assert(math.mininteger | 1 == -9223372036854775807)
assert(0x7FFFFFFFFFFFFFFF ~ -1 == math.mininteger)

local rows = {}
for i = 0, 4 do
  rows[#rows + 1] = string.format("%d:%d:%d:%d", i, 1 << i, i ~ 5, ~i)
end
print(table.concat(rows, " "))
print(-1 >> 1, 1 << 63, 8 << -1, 3.0 | 0, ~0, -1 >> 60, e1, e3)
