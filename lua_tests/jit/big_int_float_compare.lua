-- Mixed int/float comparisons beyond 2^53 in hot loops, where float rounding would give wrong answers.
local two53 = 2^53                 -- float
local i53 = 1 << 53                -- int
local cnt = {lt = 0, le = 0, eq = 0, gt = 0}
for k = 0, 399 do
  local a = i53 + (k % 4)          -- ints near 2^53
  local b = (k % 2 == 0) and two53 or (two53 + 2.0)
  if a < b then cnt.lt = cnt.lt + 1 end
  if a <= b then cnt.le = cnt.le + 1 end
  if a == b then cnt.eq = cnt.eq + 1 end
  if a > b then cnt.gt = cnt.gt + 1 end
end
print(cnt.lt, cnt.le, cnt.eq, cnt.gt)

-- maxinteger vs 2^63 float
local M = math.maxinteger
local r = {}
for k = 1, 300 do
  local f = (k % 3 == 0) and 2^63 or ((k % 3 == 1) and -2^63 or 9.2233720368547748e18)
  local x = M - (k % 2)
  r[#r + 1] = (x < f and "<" or "") .. (x == f and "=" or "") .. (x > f and ">" or "")
end
print(table.concat(r, "", 1, 12))
local tally = {}
for _, v in ipairs(r) do tally[v] = (tally[v] or 0) + 1 end
print(tally["<"], tally[">"], tally["="])

-- equality of int and float as table keys beyond 2^53
local t = {}
for k = 1, 300 do
  local key = (k % 2 == 0) and (i53 + 1) or (two53 + 0.0)
  t[key] = (t[key] or 0) + 1
end
local n = 0
for key, v in pairs(t) do n = n + 1 end
print(n, t[i53], t[i53 + 1], t[two53])
-- loop switching sides: float on left
local c2 = 0
for k = 1, 400 do
  local f = two53 + (k % 2) * 2.0
  local i = i53 + 1
  if f < i then c2 = c2 + 1 end
  if f > i then c2 = c2 + 100 end
end
print(c2)
print(math.mininteger == -2^63, math.mininteger < -2^63, (1<<53)+1 == 2^53)
print("ok")
