-- The # operator on tables that grow and shrink inside hot loops (appends, nil-ing the tail, clearing).
local t = {}
local lens = 0
for i = 1, 500 do
  t[#t + 1] = i
  if i % 7 == 0 then t[#t] = nil end
  lens = lens + #t
end
print(#t, lens)

for i = 1, 300 do
  if #t > 0 then t[#t] = nil end
end
print(#t)
local sum = 0
for round = 1, 4 do
  for i = 1, 100 * round do t[i] = i end
  sum = sum + #t
  for i = #t, 1, -1 do t[i] = nil end
  sum = sum + #t
end
print(sum)

-- # on strings and tables alternately in the same loop
local items = {"abc", {1, 2, 3}, "", {}, string.rep("z", 40)}
local total = 0
for i = 1, 400 do
  local it = items[i % #items + 1]
  total = total + #it
  if i == 200 then items[2][4] = 4; items[4] = "xyz" end
end
print(total)

-- # with table.remove from front
local q = {}
for i = 1, 350 do q[i] = i * 2 end
local acc = 0
while #q > 0 do
  local v = table.remove(q, 1)
  acc = acc + v + #q
  if v > 0 and #q % 100 == 0 and #q > 0 then q[#q + 1] = -1 end
end
print(acc)
print("ok")
