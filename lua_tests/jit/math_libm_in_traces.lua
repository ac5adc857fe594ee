-- math.sin/cos/tan/asin/acos/exp/log/sqrt in hot loops compute what C computes, as lua5.4 does: the same results,
-- nans of the same sign, inf on overflow (native calls of libm in traces, and in the interpreter).
local acc = {}
local vals = {0, 1, -1, 0.5, 3.14159, 1e308, -1e308, 1/0, -1/0, 0/0, 2, -2, 710, -745, 1e-320, 100}
local s = 0.0
for rep = 1, 40 do
  for _, v in ipairs(vals) do
    local r = {math.sin(v), math.cos(v), math.tan(v), math.asin(v), math.acos(v), math.exp(v), math.log(v), math.sqrt(v)}
    if rep == 40 then for _, x in ipairs(r) do acc[#acc+1] = string.format("%.14g", x) end end
  end
  for i = 1, 50 do s = s + math.sin(i) * math.cos(i * 0.5) + math.exp(-i) + math.log(i) end
end
print(table.concat(acc, " "))
print(string.format("%.12f", s))
