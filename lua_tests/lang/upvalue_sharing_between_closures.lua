-- Closures that capture the same local share one upvalue, which stays alive after the creating function returns.
local function counter()
  local n = 0
  local function inc() n = n + 1; return n end
  local function get() return n end
  local function reset() n = 0 end
  return inc, get, reset
end
local inc, get, reset = counter()
inc(); inc(); inc()
assert(get() == 3, "get sees inc's writes")
reset()
assert(get() == 0 and inc() == 1)

-- two separate calls make independent upvalues
local inc2, get2 = counter()
inc2()
assert(get2() == 1 and get() == 1)
inc2(); inc2()
assert(get2() == 3 and get() == 1)

-- the enclosing function also sees changes made through the closure
local function outer()
  local x = 10
  local set = function(v) x = v end
  set(42)
  return x
end
assert(outer() == 42)

-- loop variables: each iteration gets a fresh binding
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
assert(fs[1]() == 1 and fs[2]() == 2 and fs[3]() == 3)

-- but a variable declared outside the loop is shared by all closures
local shared = 0
local gs = {}
for i = 1, 3 do
  shared = i
  gs[i] = function() return shared end
end
assert(gs[1]() == 3 and gs[3]() == 3)

-- while-loop locals are fresh per iteration too
local hs, j = {}, 0
while j < 3 do
  j = j + 1
  local k = j * 10
  hs[j] = function() k = k + 1; return k end
end
assert(hs[1]() == 11 and hs[1]() == 12 and hs[2]() == 21)

-- nested closures three levels deep share the outermost local
local function level1()
  local v = "a"
  return function()
    return function(s) v = v .. s; return v end
  end
end
local appender = level1()()
appender("b")
assert(appender("c") == "abc")

-- a parameter is a local that can be captured
local function adder(base) return function(d) base = base + d; return base end end
local add = adder(100)
add(1)
print(get(), get2(), outer(), fs[2](), gs[1](), hs[2](), appender("d"), add(10))
