-- Functions with loops get traces of their own, which leave to the interpreter at a loop that runs long or has a
-- trace of its own: the rest of the call is interpreted (its loop's trace runs there) and the result goes back to
-- the trace or interpreter that called. Short and long loops alternate, loops sit in functions the function
-- calls, recursion passes through them, and errors raised after the loop must keep their tracebacks.
local function count_to(n, step)
  local c = 0
  for i = 1, n, step do c = c + i % 7 end
  return c
end

local function collatz(n)
  local steps = 0
  while n ~= 1 do
    if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
    steps = steps + 1
  end
  return steps
end

local function wrapped(n)
  local pre = n * 2
  local inner = count_to(n, 1) + collatz(n)   -- loops in functions this one calls
  for _ = 1, n % 3 do pre = pre + 1 end        -- a short loop of its own
  return pre + inner
end

local total = 0
for k = 1, 600 do
  local n = k % 50 == 0 and 400 + k or 1 + k % 9     -- mostly short loops, now and then a long one
  total = total + count_to(n, 1 + k % 2) + wrapped(n)
end
print("total", total)

-- recursion whose frames each run a loop
local function tree(depth, width)
  if depth == 0 then return 1 end
  local s = 0
  for i = 1, width do s = s + tree(depth - 1, width) + i end
  return s
end
local t = 0
for r = 1, 30 do t = t + tree(3, 1 + r % 4) end
print("tree", t)

-- an error raised after the loop, inside a function trace, caught and reported with its position
local function checked(n)
  local s = 0
  for i = 1, n do s = s + i end
  if s > 5000 then error("too big: " .. s) end
  return s
end
local ok_count, last_err = 0, nil
for k = 1, 300 do
  local ok, res = pcall(checked, k % 120)
  if ok then ok_count = ok_count + 1 else last_err = res end
end
print("checked", ok_count, last_err)
