-- Bitwise operators in hot loops with operands that switch between ints, integral floats and numeric strings.
local x = 0
for i = 1, 500 do
  x = x ~ (i << (i % 13)) | (i >> 3)
  x = x & 0xFFFFFFFF
end
print(x)

local s = 0
for i = 1, 400 do
  local a = (i % 3 == 0) and i + 0.0 or i
  s = s + (a & 7) + (a | 1) + (~a) + (a >> 1) + (a << 2)
end
print(s)

-- shifts by >= 64 and negative amounts
local sh = {}
for i = 1, 300 do
  local n = (i % 140) - 70
  local v = (1 << n) ~ (-1 >> n)
  sh[#sh + 1] = v
end
local acc = 0
for _, v in ipairs(sh) do acc = acc ~ v end
print(acc, 1 << 64, 1 << 63, -1 >> 1, 5 >> -1)

-- non-integral float operands raise an error on some iterations only
local errs, tot = 0, 0
for i = 1, 300 do
  local v = (i % 25 == 0) and i + 0.5 or i
  local ok, r = pcall(function() return v | 0 end)
  if ok then tot = tot + r else errs = errs + 1 end
end
print(tot, errs)

-- popcount-style inner loop per element
local pc = 0
for i = 1, 300 do
  local v = i * 2654435761 & 0xFFFF
  while v ~= 0 do v = v & (v - 1); pc = pc + 1 end
end
print(pc)
print(math.ult(1, -1), math.ult(-1, 1), 3 ~ 5, ~0)
print("ok")
