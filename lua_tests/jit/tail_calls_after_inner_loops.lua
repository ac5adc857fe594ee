-- A function whose short loop has a trace, ending with `return other(...)`: the loop's exit side trace returns
-- to the caller's frame and makes the tail call from there, with the results going where the tail-calling frame's
-- would have gone. Every shape of result (one, several, all of them, none), varargs, method calls, chains of tail
-- calls and errors must come back as the interpreter gives them.

local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({ items = {}, n = 0 }, Queue) end
function Queue:push(v)
  self.n = self.n + 1
  self.items[self.n] = v
  return self.n, v
end

local function fill(q, k)
  local data = {}
  for i = 1, 4 do data[i] = i * k end  -- a short loop with its own trace
  return q:push(data[4])                 -- a tail call of a method, two results
end

local function spread(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + select(i, ...) end
  return select("#", ...), s
end

local function via(k, ...)
  for _ = 1, 3 do k = k + 1 end
  return spread(k, ...)                  -- a tail call with varargs
end

local function chain(k)
  for _ = 1, 2 do k = k * 2 end
  if k % 3 == 0 then return fill(Queue.new(), k) end  -- a tail call of a function that tail-calls
  return k
end

local function checked(k)
  for _ = 1, 2 do k = k - 1 end
  return assert(k ~= 500, "reached 500")
end

local q = Queue.new()
local a, b, c, d, e = 0, 0, 0, 0, 0
for k = 1, 3000 do
  local n, v = fill(q, k)
  a = a + n + v
  local cnt, s = via(k, 1, 2, k)
  b = b + cnt + s
  local t = { via(k) }
  c = c + #t + t[2]
  d = d + (chain(k) or 0)
  local ok, err = pcall(checked, k)
  if not ok then e = e + #err end
end
print(a, b, c, d, e, q.n)
