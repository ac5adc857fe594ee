-- Closures capture loop variables freshly on every iteration (Lua 5.4), and share captured locals.
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
assert(fs[1]() == 1 and fs[2]() == 2 and fs[3]() == 3, "numeric for variable is fresh per iteration")

local gs = {}
for _, v in ipairs({"a", "b"}) do gs[#gs + 1] = function() return v end end
assert(gs[1]() == "a" and gs[2]() == "b", "generic for variables are fresh per iteration")

local hs = {}
local j = 0
while j < 3 do
  j = j + 1
  local k = j * 10
  hs[j] = function() k = k + 1; return k end
end
assert(hs[1]() == 11 and hs[1]() == 12 and hs[2]() == 21, "while-loop locals are fresh per iteration")

local function counter()
  local c = 0
  return function() c = c + 1; return c end, function() return c end
end
local inc, get = counter()
inc(); inc()
assert(get() == 2, "two closures share one captured local")
print("closures ok")
