-- Exits that resume where some registers are dead: the JIT leaves those out of its snapshots (it neither carries
-- them around a loop nor writes them back), so every resume point below must still find what it reads. Each loop
-- leaves its trace at many places: branches taken now and then, inner loops with traces of their own, calls that
-- return all their results, varargs, method calls, multiple assignment.

-- a nested while loop whose trace the outer loop jumps into; temporaries differ on each path
local total = 0
for i = 1, 400 do
  local v = (i * 40503) & 0x3FF
  while v ~= 0 do v = v & (v - 1); total = total + 1 end
  if i % 3 == 0 then total = total + i elseif i % 5 == 0 then total = total - (i // 5) end
end
assert(total == 26550, total)

-- calls returning all their results into a table constructor and into another call
local function three(x) return x, x * 2, x * 3 end
local function sum(...)
  local s = 0
  for k = 1, select("#", ...) do s = s + (select(k, ...)) end
  return s
end
local acc = 0
for i = 1, 300 do
  local t = {three(i)}
  if i % 4 == 0 then acc = acc + sum(three(i)) else acc = acc + #t + t[3] end
end
assert(acc == 170325, acc)

-- swaps and multiple assignment through temporaries, with an exit in the middle
local a, b, c = 1, 2, 3
for i = 1, 500 do
  a, b, c = b, c, a
  if i % 7 == 0 then a, c = c + i, a - i end
end
assert(a + b * 3 + c * 5 == -53908, a + b * 3 + c * 5)

-- method calls on objects of two shapes (a side trace for the second)
local P = {}
P.__index = P
function P.new(x) return setmetatable({x = x}, P) end
function P:get(k) return self.x * k end
local Q = setmetatable({}, {__index = P})
Q.__index = Q
function Q:get(k) return self.x + k end
local objs = {}
for i = 1, 60 do objs[i] = (i % 6 == 0) and setmetatable({x = i}, Q) or P.new(i) end
local m = 0
for round = 1, 5 do
  for i = 1, #objs do m = m + objs[i]:get(round) end
end
assert(m == 24300, m)

-- an error raised in some iterations: the handler resumes with the registers it needs
local errs, ok_sum = 0, 0
for i = 1, 300 do
  local ok, r = pcall(function(n) if n % 11 == 0 then error("x" .. n) end return n * 2 end, i)
  if ok then ok_sum = ok_sum + r else errs = errs + 1; assert(r:find("x" .. i, 1, true)) end
end
assert(errs == 27 and ok_sum == 81984, errs .. " " .. ok_sum)

-- a generic for whose loop variables are dead after the loop, and a numeric one with a float step
local keys = 0
for _ = 1, 40 do
  for k, v in pairs({p = 1, q = 2, r = 3}) do keys = keys + #k + v end
end
local fsum = 0
for x = 0.5, 60, 0.25 do if x % 2 == 0 then fsum = fsum + x end end
assert(keys == 360 and fsum == 930.0, keys .. " " .. fsum)

print("ok")
