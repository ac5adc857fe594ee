-- Every arithmetic/bitwise metamethod invoked from hot loops with operand order and types switching.
local log = {}
local function mm(name) return function(a, b) log[name] = (log[name] or 0) + 1; return name end end
local names = {"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv",
  "__band", "__bor", "__bxor", "__shl", "__shr", "__bnot"}
local M = {}
for _, n in ipairs(names) do M[n] = mm(n) end
local o = setmetatable({}, M)
local r = {}
for i = 1, 420 do
  local x = (i % 3 == 0) and i + 0.5 or ((i % 3 == 1) and i or tostring(i))
  local k = i % 14
  local v
  if k == 0 then v = o + x elseif k == 1 then v = x - o elseif k == 2 then v = o * x
  elseif k == 3 then v = x / o elseif k == 4 then v = o % x elseif k == 5 then v = x ^ o
  elseif k == 6 then v = -o elseif k == 7 then v = o // x elseif k == 8 then v = x & o
  elseif k == 9 then v = o | x elseif k == 10 then v = x ~ o elseif k == 11 then v = o << x
  elseif k == 12 then v = x >> o else v = ~o end
  r[#r + 1] = v
end
for _, n in ipairs(names) do io.write(n:sub(3), "=", log[n], " ") end
print()
print(r[1], r[14], #r)

-- metamethods replaced mid-loop: numeric results feed a running sum
local N = {}
N.__add = function(a, b) return 1 end
local p = setmetatable({}, N)
local s = 0
for i = 1, 400 do
  s = s + (p + i)
  if i == 100 then N.__add = function(a, b) return (type(b) == "number" and b or a) * 0.5 end end
  if i == 200 then N.__add = nil; N.__sub = nil end
  if i == 200 then setmetatable(p, {__add = function() return -1 end}) end
end
print(s)

-- bitwise metamethod on float operands with no integer representation (metamethod wins)
local B = setmetatable({}, {__bor = function(a, b) return 7 end})
local bs = 0
for i = 1, 300 do bs = bs + (B | (i + 0.5)) + ((i + 0.5) | B) end
print(bs)
print("ok")
