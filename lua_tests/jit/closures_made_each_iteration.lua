-- Closures made anew in every iteration (or passed in by each caller) and called in hot loops: a trace serves all
-- closures of the prototype, reading the upvalues of the one it is given, also when it deopts inside the callee.
local sum = 0
for round = 1, 300 do
  local k = round
  local f = function(x)
    if x > 280 then return x * k + 0.5 end   -- a path the trace never saw, taken late: a deopt in the callee
    return x + k
  end
  sum = sum + f(round)
end
print("made here", sum)

local function map(fn, t)
  local out = {}
  for i = 1, #t do out[i] = fn(t[i]) end
  return out
end
local function reduce(fn, acc, t)
  for i = 1, #t do acc = fn(acc, t[i]) end
  return acc
end
local data = {}
for i = 1, 50 do data[i] = i end
local total = 0
for round = 1, 200 do
  local scaled = map(function(v) return v * round end, data)
  total = total + reduce(function(a, b) return a + b % (round + 7) end, 0, scaled)
end
print("passed in", total)

-- counters: each closure keeps its own upvalue, written through the trace
local counters = {}
for i = 1, 20 do
  local n = 0
  counters[i] = function(step) n = n + step; return n end
end
local last = 0
for rep = 1, 100 do
  for i = 1, 20 do last = last + counters[i](i) end
end
print("counters", last, counters[1](0), counters[20](0))

-- methods made per object (closures over self), polymorphic across objects
local function make_point(x, y)
  local self = {}
  function self.norm1() return math.abs(x) + math.abs(y) end
  function self.move(dx, dy) x, y = x + dx, y + dy end
  return self
end
local pts = {}
for i = 1, 30 do pts[i] = make_point(i, -i) end
local acc = 0
for rep = 1, 50 do
  for i = 1, #pts do
    pts[i].move(1, rep % 3 == 0 and 0.5 or 1)
    acc = acc + pts[i].norm1()
  end
end
print("methods", acc)
