-- An integer loop writing and then reading a table's array part.
-- quick: 5000
local n = tonumber(arg and arg[1]) or 9000000
local t = {}
for i = 1, n do t[i] = 0 end
for round = 1, 5 do
  for i = 1, n do t[i] = t[i] + i * round end
end
local s = 0
for i = 1, n do s = s + t[i] end
print(s)
