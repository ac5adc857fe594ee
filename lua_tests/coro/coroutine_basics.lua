-- Coroutines: resume/yield values, status, wrap, yield across pcall and from a metamethod, errors, close.
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co), coroutine.resume(co))
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
-- yield across pcall
local co2 = coroutine.create(function()
  local ok, v = pcall(function() local x = coroutine.yield("in pcall") return x * 2 end)
  return ok, v
end)
print(coroutine.resume(co2)) print(coroutine.resume(co2, 21))
-- yield from a metamethod
local mt = {__index = function(t, k) return coroutine.yield("index " .. k) end}
local co3 = coroutine.wrap(function() local t = setmetatable({}, mt) return "result: " .. t.foo end)
print(co3()) print(co3("bar"))
-- errors
local co5 = coroutine.create(function() error("oops") end)
print(coroutine.resume(co5)) print(coroutine.status(co5), coroutine.resume(co5))
print(pcall(coroutine.yield, 1))
print(coroutine.isyieldable(), type(coroutine.running()))
local co6 = coroutine.wrap(function() error("wrapped") end)
print(pcall(co6))
print(select("#", coroutine.running()), coroutine.status(coroutine.running()))
local co7 = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co7) print(coroutine.close(co7), coroutine.status(co7))
-- status seen from inside, and 'normal'
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function() return coroutine.status(outer) end)
  return coroutine.resume(inner)
end)
print(coroutine.resume(outer))
