-- Upvalues written by callees while the caller's hot loop keeps the same variable live; open vs closed upvalues.
local x = 0
local function bump(d) x = x + d end
local function peek() return x end
local s = 0
for i = 1, 500 do
  bump(i % 2 == 0 and 1 or 0.5)            -- callee changes the caller's local through the upvalue
  s = s + x + peek()
  if i == 250 then x = math.floor(x) end   -- back to an integer mid-loop
end
print(x, s)

-- a closure escapes the loop and is called after the frame is gone (closed upvalue)
local function make()
  local acc = 0
  local fns = {}
  for i = 1, 300 do
    acc = acc + i
    fns[i % 3 + 1] = function() acc = acc + 1; return acc end
  end
  return fns
end
local fns = make()
local t = 0
for i = 1, 300 do t = t + fns[i % 3 + 1]() end
print(t)

-- two closures sharing one upvalue, one of them redefined mid-loop
local shared = 1
local get = function() return shared end
local set = function(v) shared = v end
local r = 0
for i = 1, 400 do
  set(get() + 1)
  if i == 200 then set = function(v) shared = v * 1.0 end end
  if i == 300 then get = function() return shared - 0.5 end end
  r = r + shared
end
print(shared, r)

-- upvalue of a coroutine body modified from outside between resumes
local level = 0
local co = coroutine.wrap(function()
  local sum = 0
  for i = 1, 300 do sum = sum + level; coroutine.yield(sum) end
  return sum
end)
local last
for i = 1, 300 do
  level = (i % 7 == 0) and level + 0.5 or level + 1
  last = co()
end
print(level, last)
print("ok")
