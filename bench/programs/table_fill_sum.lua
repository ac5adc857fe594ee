-- Fill a table's array part, then sum it.
-- quick: 10000
local n = tonumber(arg and arg[1]) or 25000000
local t = {}
for i = 1, n do t[i] = i * 2 end
local s = 0
for i = 1, #t do s = s + t[i] end
print(s)
