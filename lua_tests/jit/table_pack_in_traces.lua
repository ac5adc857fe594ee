-- table.pack(...) in a trace: of values that are not nil, a table made natively (array part and n, as the library
-- makes it); with nils among them, or of nothing, the library. Lengths, n, appends, pairs and next agree.
local function count_nils(...)
  local t = table.pack(...)
  local n = 0
  for i = 1, t.n do if t[i] == nil then n = n + 1 end end
  return n, t.n, #t
end
local function pk(...) return table.pack(...) end
local s = 0
for i = 1, 500 do
  local a, b, c = count_nils(i, "x", i % 3 == 0 and nil or 1)
  s = s + a + b + c
  local t = pk(i, i + 1)
  t[#t + 1] = 5
  s = s + t.n + #t + t[3] + (next(t) or 0)
  local e = table.pack()
  s = s + e.n + #e
  local keys = 0
  for k, v in pairs(table.pack(1, 2)) do keys = keys + 1 end
  s = s + keys
end
assert(s == 10000, s)
print(s)
