-- Nested execution (yk's meta_framegap shape): an __add metamethod runs its own hot loop only when its right
-- operand exceeds a bound, while the loop that triggers it is itself running as a trace.
local BOUND = 150
local mt = {}
mt.__add = function(a, b)
  if b > BOUND then
    local s = 0
    for i = 1, b do s = s + i end       -- the inner loop: traced, run and left inside the outer trace
    return a.base + s
  end
  return a.base + b
end
local obj = setmetatable({base = 1000}, mt)

local function add(a, b) return a + b end

local total = 0
for i = 1, 400 do                        -- the outer loop: its trace calls the metamethod every iteration
  total = total + add(obj, i)
end
print(total)
local expect = 0
for i = 1, 400 do
  expect = expect + 1000 + (i > BOUND and i * (i + 1) // 2 or i)
end
assert(total == expect, total)
print("ok")
