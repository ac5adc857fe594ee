-- A traced loop resumes a coroutine whose body has its own hot loop between yields: the coroutine's trace runs on
-- its own thread state while the outer trace waits in coroutine.resume.
local co = coroutine.wrap(function()
  local n = 0
  while true do
    local s = 0
    for i = 1, 100 do s = s + i * 2 end    -- the coroutine's hot loop
    n = n + 1
    coroutine.yield(s + n)
  end
end)
local total = 0
for i = 1, 300 do
  total = total + co()
end
print(total)
assert(total == 300 * 10100 + 300 * 301 // 2)
local gen = coroutine.wrap(function()
  for i = 1, 500 do coroutine.yield(i % 3 == 0 and i * 1.5 or i) end
end)
local acc = 0
for _ = 1, 500 do acc = acc + gen() end
print(acc)
