-- Creating and finishing 10000 coroutines, with some kept alive suspended, all accounted for correctly.
local N = 10000
local finished, total = 0, 0
for i = 1, N do
  local co = coroutine.create(function(a)
    local b = coroutine.yield(a * 2)
    return a + b
  end)
  local ok1, doubled = coroutine.resume(co, i)
  local ok2, sum = coroutine.resume(co, 1)
  assert(ok1 and ok2 and doubled == 2 * i and sum == i + 1)
  if coroutine.status(co) == "dead" then finished = finished + 1 end
  total = total + sum
end
print("finished", finished, "total", total)
assert(finished == N and total == N * (N + 1) // 2 + N)

-- keep 1000 suspended at once, then drain them in reverse order
local pool = {}
for i = 1, 1000 do
  pool[i] = coroutine.wrap(function()
    local acc = i
    while true do
      local inc = coroutine.yield(acc)
      if inc == nil then return "closed " .. i end
      acc = acc + inc
    end
  end)
  pool[i]()
end
local s = 0
for round = 1, 3 do
  for i = #pool, 1, -1 do s = s + pool[i](round) end
end
print("pool sum", s)
local last
for i = 1, #pool do last = pool[i]() end
print(last)

-- wrap-based generators created in bulk
local count = 0
for i = 1, N do
  local g = coroutine.wrap(function() coroutine.yield(i) end)
  if g() == i then count = count + 1 end
end
print("generators", count)
assert(count == N)
collectgarbage()
print("done")
