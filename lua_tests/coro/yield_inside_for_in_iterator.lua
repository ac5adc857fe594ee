-- Yielding from inside a generic-for iterator function suspends the loop, which resumes where it stopped.
local function yielding_iter(t)
  local i = 0
  return function()
    i = i + 1
    if t[i] == nil then return nil end
    local extra = coroutine.yield("fetch", i)
    return i, t[i], extra
  end
end

local collected = {}
local co = coroutine.create(function(t)
  for idx, val, extra in yielding_iter(t) do
    collected[#collected + 1] = idx .. "=" .. val .. "/" .. tostring(extra)
    if idx == 2 then coroutine.yield("body", idx) end
  end
  return "loop done"
end)

local inputs = {"a", "b", "c", "d"}
local k = 0
local ok, kind, n = coroutine.resume(co, {"x", "y", "z"})
while coroutine.status(co) ~= "dead" do
  print(kind, n)
  k = k + 1
  ok, kind, n = coroutine.resume(co, inputs[k])
  assert(ok)
end
print("final", kind)
print(table.concat(collected, " "))
assert(table.concat(collected, " ") == "1=x/a 2=y/b 3=z/d")

-- the iterator's state and control variables survive yields
local function range_co(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i, i * i) end
  end)
end
local sum = 0
for i, sq in range_co(5) do
  sum = sum + sq
  print("range", i, sq)
end
print("sum of squares", sum)
assert(sum == 55)

-- a for-in loop whose iterator is itself running inside another coroutine
local outer = coroutine.wrap(function()
  for i, sq in range_co(3) do coroutine.yield(i + sq) end
  return "outer end"
end)
print(outer(), outer(), outer(), outer())
