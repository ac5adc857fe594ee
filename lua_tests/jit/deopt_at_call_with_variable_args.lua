-- A guard fails at a call whose arguments end with a variable number of values (f(g()), f(table.unpack(t))):
-- the interpreter resumes at that call, which must see the values' top as the trace left it, not a stale one.
local function two(i) return i, i * 2 end
local fs = {function(a, b) return a + b end, function(a, b, c) return a * b + (c or 0) end}
local big = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
local total, x = 0, 0
for i = 1, 300 do
  local f = fs[1 + i // 225]          -- changes without a branch: the guard on the callee fails at the call
  total = total + f(two(i))
  if i % 20 == 0 then x = x + select('#', table.unpack(big)) end  -- a longer top, left by the interpreter
end
print(total, x)

-- functions composed over packed results, made anew each round
local function compose(...)
  local fns = table.pack(...)
  return function(...)
    local res = table.pack(...)
    for i = fns.n, 1, -1 do
      res = table.pack(fns[i](table.unpack(res, 1, res.n)))
    end
    return table.unpack(res, 1, res.n)
  end
end
local sum = 0
for round = 1, 120 do
  local f = compose(function(v) return v * 2 end, function(v) return v + round end)
  local g = compose(function(a, b) return a - b, b end, function(v) return v, round end)
  local p, q = g(10)
  sum = sum + f(3) + p + q
end
print(sum)
