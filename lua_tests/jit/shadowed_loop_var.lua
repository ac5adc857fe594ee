-- A loop variable shadowed by a local of another type inside the hot loop body; nested shadowing of upvalues.
local total = 0
for i = 1, 400 do
  local j = i
  local i = tostring(i)                    -- shadows the control variable with a string
  total = total + #i + j
  do
    local i = j * 0.5                      -- float shadow in a nested block
    total = total + i
  end
  total = total + #i
end
print(total)

-- generic for variables shadowed, then the outer name used again
local t = {}
for k = 1, 300 do t[k] = k end
local acc = 0
for k, v in ipairs(t) do
  local v = {v}                           -- table shadows number
  local k = k % 2 == 0 and "e" or 1       -- alternates string/number
  acc = acc + v[1] + (k == "e" and 2 or k)
end
print(acc)

-- a closure captures the shadowing local, not the loop var
local fs = {}
for i = 1, 300 do
  local i = i .. "!"
  fs[#fs + 1] = function() return i end
end
print(fs[1](), fs[300](), #fs)

-- while loop with a shadowed counter: the outer counter must advance normally
local n, s = 0, 0
while n < 350 do
  n = n + 1
  local n = n * 2 + 0.0
  s = s + n
end
print(n, s)

-- repeat-until whose condition refers to a shadowing local
local x = 0
local iters = 0
repeat
  iters = iters + 1
  x = x + 1
  local x = (x % 2 == 0) and "stop" or x
until x == "stop" and iters >= 300
print(iters, x)
print("ok")
