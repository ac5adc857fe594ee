-- Integer for loops whose limit is a float (2^n * 10, n / 2, 1e300, nan, -inf...): the limit is rounded towards
-- the start (floor going up, ceil going down) and the loop variable stays an integer.
local function count_up(limit)
  local n, last = 0, nil
  for i = 1, limit do n = n + 1; last = i end
  return n, last, math.type(last)
end
local function count_down(limit)
  local n, last = 0, nil
  for i = 10, limit, -1 do n = n + 1; last = i end
  return n, last
end
local total = 0
for rep = 1, 150 do
  local m = (2 ^ (rep % 4)) * 10
  local n = count_up(m)
  total = total + n + count_up(rep / 2) + count_down(rep / 40 - 0.5)
end
print(total)
print(count_up(7.9), count_up(-0.5), count_up(0.0))
print(count_down(2.5), count_down(10.0), count_down(10.5))
print(count_up(0 / 0))
print(count_up(-math.huge), count_down(math.huge), count_down(-1e300 > 0 and 1 or 9.99))
local big = 0
for i = math.maxinteger - 2, 1e300 do big = big + 1 end
print(big)
for rep = 1, 100 do
  local s = 0
  for i = 1, rep * 0.75 do s = s + i end
  if rep % 25 == 0 then print(rep, s) end
end
