-- Numeric for loops near math.maxinteger/mininteger terminate without overflow; huge float limits clip.
local maxi, mini = math.maxinteger, math.mininteger

local count, last = 0, nil
for i = maxi - 2, maxi do count = count + 1; last = i end
assert(count == 3 and last == maxi, "ascending loop reaching maxinteger stops")

count, last = 0, nil
for i = mini + 2, mini, -1 do count = count + 1; last = i end
assert(count == 3 and last == mini, "descending loop reaching mininteger stops")

-- big steps that would overflow the control variable
count = 0
for _ = 0, maxi, maxi // 2 do count = count + 1 end
assert(count == 3, "steps 0, m/2, 2*(m/2) then stop: " .. count)

count = 0
for _ = maxi - 10, maxi, 7 do count = count + 1 end
assert(count == 2, "a step that would jump past maxinteger ends the loop")

count = 0
for _ = mini, mini + 5, maxi do count = count + 1 end
assert(count == 1)

-- float limits beyond the integer range are clipped for integer loops
count = 0
for i = maxi - 1, 1e100 do count = count + 1; last = i end
assert(count == 2 and last == maxi and math.type(last) == "integer")

count = 0
for i = mini + 1, -1e100, -1 do count = count + 1; last = i end
assert(count == 2 and last == mini)

-- start beyond the limit: body never runs
count = 0
for _ = 1, -math.huge do count = count + 1 end
for _ = maxi, mini do count = count + 1 end
for _ = 0, 1, -1 do count = count + 1 end
assert(count == 0)

-- float limit of NaN never runs
for _ = 1, 0/0 do error("nan limit must not iterate") end

-- limit of math.huge with a break
count = 0
for i = 1, math.huge do
  count = count + 1
  if i == 5 then break end
end
assert(count == 5)

-- the iteration count is computed up front for integer loops
local n = 0
for i = 1, 3 do n = n + i end
assert(n == 6)
print(count, last, maxi - 2, mini + 2)
print("extreme limits ok")
