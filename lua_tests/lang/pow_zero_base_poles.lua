-- x^y with a zero base and a negative exponent is a pole of C's pow: +-inf, never nan; and 1/that is a zero
local function show(x) return string.format("%s", x) end
local zero, nzero = 0.0, -0.0
for _, e in ipairs({-1, -2, -3, -0.5, -1e300}) do
  print(e, show(0 ^ e), show(zero ^ e), show(nzero ^ e), show(1 / (zero ^ e)))
end
-- constant operands and integer ones
print(0 ^ -1, 0 ^ -2, (-0.0) ^ -1, (-0.0) ^ -2, 0 ^ 0, 0 ^ 1)
for i = -3, 3 do
  for j = -3, 3 do
    if i == 0 and j < 0 then
      assert(i ^ j == math.huge and 1 / i ^ (-j) == math.huge)
    else
      local a, b = i ^ j, 1 / i ^ (-j)
      assert(a == b or math.abs(a - b) < 1e-12, i .. "^" .. j)
    end
  end
end
-- a negative base with a fractional exponent is still nan
print((-8) ^ (1 / 3) ~= (-8) ^ (1 / 3))
