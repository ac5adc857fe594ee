-- A float sum over 10M iterations: unboxed doubles in a loop.
-- quick: 10000
local n = tonumber(arg and arg[1]) or 120000000
local s = 0.0
for i = 1, n do s = s + i * 0.25 end
print(string.format("%.1f", s))
