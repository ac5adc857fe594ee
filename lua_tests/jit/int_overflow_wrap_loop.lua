-- Integer overflow wrap-around in hot loops: additions/multiplications that cross maxinteger, then floats mixed in.
local MAX, MIN = math.maxinteger, math.mininteger
local x = MAX - 150
local wraps = 0
for i = 1, 400 do
  local prev = x
  x = x + 1
  if x < prev then wraps = wraps + 1; assert(x == MIN) end
end
print(x, wraps)
assert(wraps == 1)

-- multiplication wrap, hash-like accumulator
local h = 7
for i = 1, 500 do
  h = h * 31 + i
end
print(h)

-- subtraction below mininteger; halfway the step becomes a float
local y = MIN + 100
local acc = 0
for i = 1, 400 do
  local d = (i < 200) and 1 or 1.0
  y = y - d
  if math.type(y) == "float" then acc = acc + 1 end
end
print(y, acc, math.type(y))

-- negation of mininteger, integer division, modulo in a loop with changing operands
local s = 0
for i = 1, 350 do
  local v = (i % 50 == 0) and MIN or i
  local n = -v
  s = s ~ (n // 3) ~ (v % 7)
end
print(s)
-- wrap inside for-loop bound arithmetic
local cnt = 0
for i = MAX - 5, MAX do cnt = cnt + 1 end
for i = MIN + 5, MIN, -1 do cnt = cnt + 1 end
for j = 1, 300 do
  local a = MAX - (j % 3)
  cnt = cnt + ((a + j) < 0 and 1 or 0)
end
print(cnt)
assert(cnt == 12 + 298)
print("ok")
