-- table.remove(t, pos) inside traced loops (one helper call when pos is inside the array part) removes and shifts
-- as the library does: from the front (a queue), the middle and the end; positions outside the array part, nil
-- holes, tables with a hash part and a position past the end still go through the library.
local q = {}
for i = 1, 500 do q[i] = i * 3 end
local sum, n = 0, 0
while #q > 0 do
  local v = table.remove(q, 1)          -- front
  sum = sum + v
  n = n + 1
  if #q > 3 and n % 7 == 0 then
    sum = sum + table.remove(q, 2) * 2  -- middle
  end
  if #q > 0 and n % 11 == 0 then
    sum = sum + table.remove(q, #q)     -- end
  end
end
assert(#q == 0 and next(q) == nil)

local mixed = { 1, 2, 3, x = "y" }
local got = {}
for i = 1, 200 do
  mixed[#mixed + 1] = i
  got[#got + 1] = table.remove(mixed, 1)
  if i % 50 == 0 then
    got[#got + 1] = tostring(table.remove(mixed, #mixed + 1))  -- past the end: nil, nothing moves
  end
end
assert(mixed.x == "y" and #mixed == 3, #mixed)

local holes = { 10, 20, 30 }
local after = {}
for i = 1, 100 do
  holes[4] = i
  after[#after + 1] = table.remove(holes, 4)
  after[#after + 1] = #holes
end

local ok, err = pcall(table.remove, { 1, 2, 3 }, 7)
assert(not ok and err:find("position out of bounds", 1, true), err)
for i = 1, 100 do
  local t = { 1, 2, 3 }
  local ok2 = pcall(table.remove, t, i % 2 == 0 and 2 or 9)
  assert(ok2 == (i % 2 == 0))
end
print(n, sum, got[1], got[51], got[#got], #got, after[1], after[#after - 1])
