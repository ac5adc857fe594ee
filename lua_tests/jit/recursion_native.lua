-- Recursive functions get function traces: self-calls become native calls, and exits finish a call in the
-- interpreter. Everything here must behave exactly as in the interpreter, at any depth.

local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
assert(fib(20) == 6765)
assert(fib(20.0) == 6765.0 and math.type(fib(20.0)) == "float")  -- the same trace meets floats: its guards fail
print("fib", fib(22), fib(15.0))

local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
assert(ack(2, 3) == 9 and ack(3, 3) == 61)
print("ack", ack(2, 10), ack(3, 4))

-- several results, or none, through native recursion (callers that want all of them get all of them)
local function divmod_down(n, acc)
  if n == 0 then return acc, "done" end
  if n == -1 then return end
  return divmod_down(n - 1, acc + n)
end
local function spread(n)
  if n <= 0 then return 1, 2, 3 end
  local t = {spread(n - 1)}
  return #t, t[1], t[#t]
end
for i = 1, 30 do
  local a, b = divmod_down(i, 0)
  assert(a == i * (i + 1) // 2 and b == "done")
  assert(select("#", divmod_down(-1, 0)) == 0)
  local t = {spread(i % 5)}
  assert(#t == 3)
end
print("results", divmod_down(10, 0), select("#", spread(4)), spread(4))

-- error levels and messages from the bottom of a deep native recursion
local function dive(n, kind)
  if n == 0 then
    if kind == "level2" then error("bottom reached", 2) end
    if kind == "arith" then return kind + 1 end
    if kind == "table" then error({code = 7}) end
    return 0
  end
  return 1 + dive(n - 1, kind)
end
for _ = 1, 40 do assert(dive(30, "ok") == 30) end
local ok, err = pcall(dive, 30, "level2")
print("level2", ok, err)
ok, err = pcall(dive, 25, "arith")
print("arith", ok, err)
ok, err = pcall(dive, 25, "table")
print("table", ok, type(err), err.code)

-- a traceback taken at the bottom of native recursion shows every level
local function trace_at_bottom(n)
  if n == 0 then return debug.traceback("bottom", 1) end
  local s = trace_at_bottom(n - 1)
  return s
end
for _ = 1, 40 do trace_at_bottom(8) end
print(trace_at_bottom(8))

-- xpcall's handler runs where the error happened
local function boom(n) if n == 0 then local x = nil; return x.field end return boom(n - 1) end
for _ = 1, 40 do pcall(boom, 5) end
print(xpcall(boom, function(m) return "handled: " .. m end, 6))

-- replacing the function during the recursion: the next self-call finds the new one
local count = 0
local function countdown(n)
  if n == 0 then return "end" end
  count = count + 1
  return (countdown(n - 1))
end
for _ = 1, 20 do countdown(10) end
local old = countdown
countdown = function(n) return "replaced at " .. n end
print("replaced", old(10), count)

-- recursion deeper than native code goes (the interpreter takes over below the limit)
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print("deep", depth(20000), depth(30000))
local function tail(n, acc) if n == 0 then return acc end return tail(n - 1, acc + 1) end
print("tail", tail(100000, 0))

-- each closure of a recursive function keeps its own upvalues
local function make_counter(step)
  local function sum(n) if n == 0 then return 0 end return step + sum(n - 1) end
  return sum
end
local s2, s3 = make_counter(2), make_counter(3)
for _ = 1, 30 do assert(s2(10) == 20 and s3(10) == 30) end
print("closures", s2(50), s3(50))

-- recursive methods, and recursion through a table field
local Tree = {}
Tree.__index = Tree
function Tree.new(d) if d == 0 then return setmetatable({}, Tree) end
  return setmetatable({left = Tree.new(d - 1), right = Tree.new(d - 1)}, Tree) end
function Tree:size() if not self.left then return 1 end return 1 + self.left:size() + self.right:size() end
print("tree", Tree.new(10):size())

-- vararg recursion stays in the interpreter
local function vsum(n, ...) if n == 0 then return select("#", ...) end return vsum(n - 1, n, ...) end
print("vararg", vsum(50))
