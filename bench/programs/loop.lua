-- A plain numeric loop: dispatch overhead of the simplest instructions.
-- quick: 10000
local n = tonumber(arg and arg[1]) or 190000000
local s = 0
for i = 1, n do s = s + i end
print(s)
