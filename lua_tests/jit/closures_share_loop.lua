-- Many closures of one function run the same loop: the loop's trace must read each closure's own upvalues (a trace
-- that kept the first closure's would compute with the wrong values for all the others).

local function make(k)
  local hits = 0
  local function run(n)
    local s = 0
    for i = 1, n do
      s = s + k          -- read an upvalue
      hits = hits + 1    -- write one
    end
    return s
  end
  local function count() return hits end
  return run, count
end

local runs, counts = {}, {}
for j = 1, 12 do runs[j], counts[j] = make(j) end
for round = 1, 15 do
  for j = 1, 12 do
    local got = runs[j](50 + round)
    assert(got == (50 + round) * j, ("closure %d round %d: %d"):format(j, round, got))
  end
end
local total = 0
for j = 1, 12 do total = total + counts[j]() end
print("hits", total, counts[1](), counts[12]())

-- generators: one coroutine per closure, each looping around its own yield
local function gen(step)
  return coroutine.wrap(function()
    local v = 0
    while true do
      v = v + step
      coroutine.yield(v)
    end
  end)
end
local gens = {}
for j = 1, 30 do gens[j] = gen(j) end
local sum = 0
for round = 1, 40 do
  for j = 1, 30 do sum = sum + gens[j]() end
end
print("generators", sum)

-- a closure replaced between calls: the loop still sees the upvalues of the closure that runs it
local acc = {}
for j = 1, 8 do
  local base = j * 100
  acc[j] = function(n) local t = 0; for i = 1, n do t = t + base + i end; return t end
end
local checks = 0
for round = 1, 10 do
  for j = 8, 1, -1 do
    checks = checks + acc[j](20)
  end
end
print("checks", checks)
