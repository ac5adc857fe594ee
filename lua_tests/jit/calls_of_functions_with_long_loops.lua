-- A hot loop that calls functions whose own loops run long: the trace inlines such calls and jumps into the
-- callee's loop trace, whose exit returns to the caller's frame and goes on in the caller's loop. Results of every
-- shape (one, several, early returns from inside the loop, break, varargs, upvalues) must come back as the
-- interpreter gives them.

local function collatz(n)
  local len = 1
  while n ~= 1 do
    if n & 1 == 0 then n = n >> 1 else n = 3 * n + 1 end
    len = len + 1
  end
  return len
end

local function find_first(t, x)
  for i = 1, #t do
    if t[i] == x then return i, t[i] end  -- an early return from inside the loop, two results
  end
  return nil, "absent"
end

local function sum_until(t, limit)
  local s = 0
  for i = 1, #t do
    if s > limit then break end
    s = s + t[i]
  end
  return s
end

local calls = 0
local function counted(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + select(i, ...) end
  calls = calls + 1  -- an upvalue written by the callee
  return s
end

local data = {}
for i = 1, 60 do data[i] = (i * 7) % 23 end

local best, total, found, absent, sums, vsum = 0, 0, 0, 0, 0, 0
for start = 1, 3000 do
  local len = collatz(start)
  total = total + len
  if len > best then best = len end
  local i, v = find_first(data, start % 30)
  if i then found = found + i + v else absent = absent + #v end
  sums = sums + sum_until(data, start % 500)
  vsum = vsum + counted(start, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)
end
print(best, total, found, absent, sums, vsum, calls)
