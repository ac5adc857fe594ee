-- Generators with coroutine.wrap: fibonacci stream, permutations of a list, and a take/filter combinator.
local function fib()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do
      coroutine.yield(a)
      a, b = b, a + b
    end
  end)
end

local function take(n, gen)
  local out = {}
  for _ = 1, n do out[#out + 1] = gen() end
  return out
end

local first = take(15, fib())
print(table.concat(first, ","))
assert(first[15] == 377)

-- fibonacci up to 90 stays integer
local g = fib()
local last
for _ = 1, 91 do last = g() end
print("fib(90)", last, math.type(last))
assert(last == 2880067194370816120)

local function permgen(a, n)
  n = n or #a
  if n <= 1 then
    coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end

local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end

local seen, count = {}, 0
for p in permutations({"a", "b", "c"}) do
  local s = table.concat(p)
  print("perm", s)
  assert(not seen[s])
  seen[s] = true
  count = count + 1
end
assert(count == 6)

count = 0
for _ in permutations({1, 2, 3, 4, 5, 6}) do count = count + 1 end
print("perms of 6", count)
assert(count == 720)

-- filter combinator over a generator
local function filter(pred, gen)
  return coroutine.wrap(function()
    for v in gen do if pred(v) then coroutine.yield(v) end end
  end)
end
local evens = filter(function(v) return v % 2 == 0 end, fib())
print("even fibs", table.concat(take(8, evens), ","))
