-- Closures created per iteration capturing fresh loop variables and shared upvalues, called in hot loops.
local fs = {}
for i = 1, 400 do
  local j = i * 2
  fs[i] = function(d) j = j + d; return i + j end
end
local s = 0
for k = 1, 400 do s = s + fs[k](k) end
for k = 400, 1, -1 do s = s + fs[k](1) end
print(s)

-- shared upvalue mutated by many closures; its type changes mid-loop
local shared = 0
local adders = {}
for i = 1, 300 do
  adders[i] = function() shared = shared + i end
end
for i = 1, 300 do
  adders[i]()
  if i == 150 then shared = shared + 0.5 end
end
print(shared)

-- while loop with a local per iteration captured (fresh each time)
local caps = {}
local n = 0
while n < 350 do
  n = n + 1
  local v = n % 2 == 0 and tostring(n) or n
  caps[#caps + 1] = function() return v end
end
local ints, strs = 0, 0
for _, c in ipairs(caps) do
  local v = c()
  if type(v) == "string" then strs = strs + #v else ints = ints + v end
end
print(ints, strs)

-- counters: closure factory called in a loop, upvalue closed after return
local function counter(start)
  local c = start
  return function() c = c + 1; return c end
end
local total = 0
for i = 1, 300 do
  local f = counter(i % 3 == 0 and i + 0.0 or i)
  for _ = 1, 3 do total = total + f() end
end
print(total)
-- repeat loop: the until condition sees the body's local captured by a closure
local got = {}
local r = 0
repeat
  r = r + 1
  local lim = r * 3
  got[r] = function() return lim end
until lim >= 900
print(r, got[1](), got[r]())
print("ok")
