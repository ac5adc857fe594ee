-- Comparisons of an integer with a float: in traces they compare as floats when the integer is within 2^53 (a
-- guard checks it), and exactly otherwise, as Lua does, NaN and infinities included.
local cum = {27, 39, 51, 78, 80, 82, 84, 86, 88, 90, 92, 94, 96, 98, 100}
local last = 42
local function random(max) last = (last * 3877 + 29573) % 139968 return max * last / 139968 end
local hist = {}
for i = 1, 200000 do
  local r, k = random(100), 1
  while k < #cum and r >= cum[k] do k = k + 1 end
  hist[k] = (hist[k] or 0) + 1
end
print(table.concat(hist, " "))
-- exactness at the edges: integers beyond 2^53 against floats
local big = {2^53, 2^53 + 1, 2^63, -2^63, 0/0, math.huge, -math.huge, 1.5}
local ints = {math.maxinteger, math.mininteger, 9007199254740993, -9007199254740993, 3, 0}
local out = {}
for round = 1, 50 do
  for _, f in ipairs(big) do
    for _, i in ipairs(ints) do
      if round == 50 then
        out[#out + 1] = (i < f and "1" or "0") .. (i <= f and "1" or "0") .. (f < i and "1" or "0") .. (f <= i and "1" or "0") .. (i == f and "1" or "0")
      else
        local _ = i < f, i <= f, f < i, f <= i, i == f
      end
    end
  end
end
print(table.concat(out, ","))
