-- debug.upvaluejoin of the running loop's own closure, from a comparator that table.sort calls in the middle of a
-- traced iteration: the rest of the iteration, and the loop after it, read the joined cell (for a mutable upvalue,
-- which the loop loads from its closure, and for a fixed one).
local A, B = 1, 100
A = 1  -- assigned: not a fixed upvalue
local function getb() return B end
local f
local count = 0
local function maybe_join()
  count = count + 1
  if count == 150 then debug.upvaluejoin(f, 1, getb, 1) end
  return 0
end
local cmp = function(a, b) maybe_join() return a < b end
f = function(n)
  local s = 0
  for i = 1, n do
    s = s + A
    local t = {2, 1}
    table.sort(t, cmp)
    s = s + A
  end
  return s
end
local got = f(300)
assert(got == 30399, got)  -- (one comparison per sort: the join comes in iteration 150, between its two reads of A)

-- the same with a fixed upvalue (never assigned), which traces take as a constant
local C, D = 1, 100
local function getd() return D end
local g
local calls = 0
local function join_c()
  calls = calls + 1
  if calls == 150 then debug.upvaluejoin(g, 1, getd, 1) end
end
g = function(n)
  local s = 0
  for _ = 1, n do
    s = s + C
    table.sort({ 2, 1 }, function(a, b) join_c() return a < b end)
    s = s + C
  end
  return s
end
got = g(300)
assert(got == 30399, got)
print("ok")
