-- Small branches that only compute numbers into locals (clamps, wrap-around counters, collatz steps, abs) in hot
-- loops: recorded as selects, they must give exactly the interpreter's values for every direction taken, with
-- ints and floats, and leave the other kinds of branch (mixed kinds, calls, divisions by a variable) as guards.
local m1 = (1 << 30) + ((1 << 30) - 1)
local k, i, n, acc = 5, 3, 27, 0
local f, g = 0.0, 0.0
for it = 1, 5000 do
  k = (k * 7919 + it) % 2000 - 1000
  if k < 0 then k = k + m1 end                            -- triangle, int
  if i == 0 then i = 16 else i = i - 1 end                -- diamond, int
  if n & 1 == 0 then n = n >> 1 else n = 3 * n + 1 end    -- shifts by a constant
  if n == 1 then n = it + 27 end
  local x = k / 7
  if x > 10.5 then f = f + x else f = f - 1.5 end         -- floats
  if -x < g then g = -x end                               -- a running minimum
  local y = it % 3
  if y == 0 then y = -y elseif y == 1 then y = y * 4 end  -- nested: the outer arm holds a branch
  acc = acc + k + i + n + y
end
print(acc, string.format("%.6f %.6f", f, g))

-- branches the recorder must not turn into selects: mixed kinds, an arm that calls, a division by a variable
local mixed, calls, divs = 0, 0, 0
local function bump(v) return v + 1 end
for it = 1, 3000 do
  local v = it
  if it % 7 == 0 then v = v / 2 end                       -- int on one side, float on the other
  mixed = mixed + v
  local w = it
  if it % 5 == 0 then w = bump(w) end
  calls = calls + w
  local d = it % 4
  local q = 100
  if d ~= 0 then q = q // d end                           -- // by d only where d is not 0
  divs = divs + q
end
print(mixed, calls, divs)

-- the arm's registers are read after the loop, and a guard after the join fails late
local a, b = 0, 0
for it = 1, 4000 do
  local t = it * 3
  if t % 2 == 0 then a = a + t else b = b - t end
  if it == 3999 then b = b + 0.5 end                      -- b becomes a float: a guard after the selects fails
end
print(a, b)
