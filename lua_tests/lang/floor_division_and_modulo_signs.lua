-- // and % use floor semantics for negative integers and floats, and a % b == a - (a // b) * b.
local cases = {
  {7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {0, 5}, {6, 3}, {-6, 3},
  {7.5, 2}, {-7.5, 2}, {7.5, -2}, {-7.5, -2}, {5, 0.5}, {1, 0.3},
}
for _, c in ipairs(cases) do
  local a, b = c[1], c[2]
  local q, r = a // b, a % b
  assert(a - q * b - r < 1e-12 and a - q * b - r > -1e-12, "identity holds")
  if r ~= 0 then
    assert((r > 0) == (b > 0), "remainder has the sign of the divisor")
  end
  print(a, b, q, r, math.type(q), math.type(r))
end

assert(-7 // 2 == -4 and math.type(-7 // 2) == "integer")
assert(-7.0 // 2 == -4.0 and math.type(-7.0 // 2) == "float")
assert(7 // 2.0 == 3.0 and math.type(7 // 2.0) == "float")
assert(-0.5 // 1 == -1.0)
assert(3 % -2 == -1 and -3 % 2 == 1)
assert(5.25 % 1 == 0.25, "fractional part via modulo")
assert(-5.25 % 1 == 0.75, "modulo of a negative float is positive for positive divisor")

-- float division by zero gives infinities, not errors
assert(1 // 0.0 == math.huge)
assert(-1 // 0.0 == -math.huge)
assert(1 / 0 == math.huge and -1 / 0 == -math.huge)
local nan = 0.0 / 0.0
assert(nan ~= nan)

-- modulo with infinity
assert(5 % math.huge == 5.0, "positive % +inf keeps the dividend")
assert(-5 % math.huge == math.huge, "negative % +inf is +inf")
assert(5 % -math.huge == -math.huge)
assert(-5 % -math.huge == -5.0)
print(5 % math.huge, -5 % math.huge, 5 % -math.huge, -5 % -math.huge)

-- large integers keep exactness under //
local m = math.maxinteger
assert(m // 2 == 4611686018427387903)
assert(m % 2 == 1)
assert(math.mininteger // 2 == -4611686018427387904)
print(m // 7, m % 7, math.mininteger // 7, math.mininteger % 7)
