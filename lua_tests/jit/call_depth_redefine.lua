-- Lua function calls from hot loops 1..5 levels deep, recursion, multiple returns, arg count mismatches,
-- and a callee redefined mid-loop.
local function l5(a, b) return a + (b or 1), a - (b or 1) end
local function l4(a) local x, y = l5(a, a % 3) return x * 2, y end
local function l3(a) return l4(a) end
local function l2(a) local p, q = l3(a) return p + q end
local function l1(a, ...) return l2(a) end
local s = 0
for i = 1, 500 do s = s + l1(i, 1, 2, 3) end
print(s)

local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local fs = 0
for i = 1, 300 do fs = fs + fib(i % 12) end
print(fs)

-- fewer/more args than params
local function f3(a, b, c) return (a or 0) + (b or 10) + (c or 100) end
local m = 0
for i = 1, 400 do
  if i % 3 == 0 then m = m + f3(i)
  elseif i % 3 == 1 then m = m + f3(i, i)
  else m = m + f3(i, i, i, i, i) end
end
print(m)

-- callee redefined mid-loop (upvalue local function reassigned)
local g = function(x) return x + 1 end
local acc = 0
for i = 1, 450 do
  acc = acc + g(i)
  if i == 150 then g = function(x) return x * 2 end end
  if i == 300 then g = function(x, y) return (y or 0.5) end end
end
print(acc)

-- multiple returns adjusted in the middle of a call list
local function mr(n) if n % 2 == 0 then return n, n + 1, n + 2 else return n end end
local cnt = 0
for i = 1, 400 do
  local t = {mr(i), mr(i + 1)}
  cnt = cnt + #t + select("#", mr(i))
end
print(cnt)

-- deep recursion with tail calls in a loop
local function down(n, acc) if n == 0 then return acc end return down(n - 1, acc + n) end
local d = 0
for i = 1, 300 do d = d + down(i % 50, 0) end
print(d)
print("ok")
