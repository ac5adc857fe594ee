-- Loops whose trip count changes between runs (0, 1, many, negative steps, float bounds) inside a hot outer loop.
local function sum_range(a, b, st)
  local s = 0
  for i = a, b, st do s = s + i end
  return s
end
local tot = 0
for r = 1, 400 do
  local n = (r * 37) % 23 - 3             -- sometimes negative: zero trips
  tot = tot + sum_range(1, n, 1)
  tot = tot + sum_range(n, 0, -1)
  if r % 50 == 0 then tot = tot + sum_range(0.5, n, 0.25) end
end
print(tot)

-- the same inner loop runs 1000 times once, then 1 time repeatedly, then 300 times
local t2 = 0
local sizes = {1000}
for i = 2, 300 do sizes[i] = 1 end
sizes[301] = 300
sizes[302] = 0
for _, sz in ipairs(sizes) do
  for j = 1, sz do t2 = t2 + j end
end
print(t2)

-- while loop trip count driven by a table that shrinks
local work = {}
for i = 1, 60 do work[i] = i % 9 end
local t3 = 0
while #work > 0 do
  local n = table.remove(work)
  local k = 0
  while k < n * 10 do k = k + 1; t3 = t3 + 1 end
end
print(t3)

-- loop bounds are strings-turned-numbers and floats
local t4 = 0
for r = 1, 300 do
  local hi = (r % 3 == 0) and tonumber(tostring(r % 10)) or ((r % 3 == 1) and (r % 10) + 0.5 or r % 10)
  for j = 1, hi do t4 = t4 + j end
end
print(t4)
-- step of large magnitude makes single-trip loops; near maxinteger bounds
local t5 = 0
for r = 1, 300 do
  for j = math.maxinteger - (r % 4), math.maxinteger, 2 do t5 = t5 + 1 end
  for j = 1, 10, r do t5 = t5 + 1 end
end
print(t5)
print("ok")
