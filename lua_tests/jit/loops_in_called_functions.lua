-- A hot loop calls functions that run loops of their own (long ones: they get loop traces): the caller's trace
-- enters the callee's loop trace with the callee's frame made natively, and the exit of that loop returns to the
-- caller's trace. Results, errors and tracebacks from inside the callee's loop must be the interpreter's.
local function collatz(n)
  local steps = 0
  while n ~= 1 do
    if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
    steps = steps + 1
  end
  return steps, n
end

local best, arg, total = 0, 0, 0
for i = 1, 6000 do
  local s = collatz(i)
  total = total + s
  if s > best then best, arg = s, i end
end
print("collatz", best, arg, total)

-- two levels of calls, varargs and upvalues in the callee, a method on an object
local scale = 3
local function sum_to(n, ...)
  local acc = select('#', ...)
  for k = 1, n do acc = acc + k * scale end
  return acc
end
local obj = {base = 10}
function obj:weigh(n)
  return sum_to(n, 1, 2) + self.base
end
local grand = 0
for i = 1, 400 do
  grand = grand + obj:weigh(i % 50 + 20)
  if i == 200 then scale = 4 end
end
print("nested", grand)

-- a callee whose loop raises an error late: the message and traceback come from the right frames
local function check(t, n)
  for k = 1, n do
    if t[k] == nil then error("hole at " .. k) end
  end
  return n
end
local t = {}
for k = 1, 300 do t[k] = k end
t[250] = nil
local ok, err = pcall(function()
  local s = 0
  for n = 100, 300 do s = s + check(t, n) end
  return s
end)
print("error", ok, err)
local ok2, tb = xpcall(function()
  for n = 240, 260 do check(t, n) end
end, debug.traceback)
print("traceback", ok2, (tb:gsub("\n%s*%[C%].*", "")))

-- the callee is sometimes reached from another call site
local function count_down(n)
  local c = 0
  while n > 0 do n = n - 1; c = c + 1 end
  return c
end
local x, y = 0, 0
for i = 1, 300 do
  x = x + count_down(i % 40 + 30)
  if i % 3 == 0 then y = y + count_down(i % 7 + 25) end
end
print("sites", x, y)
