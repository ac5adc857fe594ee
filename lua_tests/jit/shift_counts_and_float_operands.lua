-- Shifts in hot loops by constant and variable counts (negative counts shift the other way, 64 or more give 0,
-- right shifts are logical), and bitwise operators on floats with integral values (converted; others raise).
local function shifts(x)
  return x << 3, x >> 3, x << -2, x >> -2, x << 63, x >> 63, x << 64, x >> 64, x << -70, x >> 70
end
local acc = 0
for i = -200, 200 do
  local a, b, c, d, e, f, g, h, k, l = shifts(i * 1000003)
  acc = acc ~ a ~ b ~ c ~ d ~ e ~ f ~ g ~ h ~ k ~ l
end
print("constant", acc)

local vals = {1, -1, 12345, math.mininteger, math.maxinteger, 0x5555555555555555}
local counts = {0, 1, 7, 31, 32, 63, 64, 65, 100, -1, -7, -63, -64, -65, math.mininteger, math.maxinteger}
local mix = 0
for rep = 1, 3 do
  for _, v in ipairs(vals) do
    for _, n in ipairs(counts) do
      mix = mix ~ (v << n) ~ ((v >> n) * 3)
    end
  end
end
print("variable", mix)

local collatz = 0
for start = 1, 3000 do
  local n, steps = start, 0
  while n ~= 1 do
    if n & 1 == 0 then n = n >> 1 else n = 3 * n + 1 end
    steps = steps + 1
  end
  collatz = collatz + steps
end
print("collatz", collatz)

local fl = 0
for i = 1, 300 do
  local f = i * 2.0              -- a float with an integral value
  fl = fl + (f & 0xff) + (f | 1) + (f ~ 3.0) + (f << 2) + (7.0 >> 1)
end
print("floats", fl, math.type(2.0 & 3), 2.0 | 1)
local ok, err = pcall(function()
  local s = 0
  for i = 1, 300 do s = s + ((i + 0.5 * (i // 250)) & 1) end
  return s
end)
print(ok, err)
