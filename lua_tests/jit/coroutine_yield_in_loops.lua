-- Coroutines resumed from hot loops and yielding from inside their own hot loops; yielded types change.
local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do
      if i % 10 == 0 then coroutine.yield(tostring(i))
      elseif i % 7 == 0 then coroutine.yield(i + 0.5)
      else coroutine.yield(i) end
    end
    return nil
  end)
end
local ni, nf, ns = 0, 0, 0
for v in gen(500) do
  if type(v) == "string" then ns = ns + #v
  elseif math.type(v) == "float" then nf = nf + v
  else ni = ni + v end
end
print(ni, nf, ns)

-- a resumed coroutine with a while loop that yields only on some iterations
local co = coroutine.create(function(start)
  local x = start
  local got = 0
  while true do
    x = x + 1
    if x % 3 == 0 then got = got + coroutine.yield(x) end
    if x > 900 then return got end
  end
end)
local s = 0
local ok, v = coroutine.resume(co, 0)
while coroutine.status(co) ~= "dead" do
  s = s + v
  ok, v = coroutine.resume(co, v % 2)
end
print(s, v)

-- many short-lived coroutines created in a loop; some error
local dead, errs = 0, 0
for i = 1, 300 do
  local c = coroutine.create(function(a)
    for j = 1, 3 do a = a + coroutine.yield(a) end
    if a % 11 == 0 then error("e") end
    return a
  end)
  local okr, r = coroutine.resume(c, i)
  while coroutine.status(c) == "suspended" do okr, r = coroutine.resume(c, 1) end
  if okr then dead = dead + r else errs = errs + 1 end
end
print(dead, errs)
-- yield across pcall inside a loop
local pc = coroutine.wrap(function()
  local t = 0
  for i = 1, 400 do
    local okp, y = pcall(coroutine.yield, i)
    t = t + y
  end
  return "done" .. t
end)
local r = pc()
for i = 1, 400 do r = pc(i % 5) end
print(r)
print("ok")
