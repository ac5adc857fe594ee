-- A coroutine runs a 100000-iteration loop between yields; local state and upvalues survive each suspension.
local counter = 0
local worker = coroutine.create(function(iterations)
  local checksum = 0
  local rounds = 0
  while true do
    rounds = rounds + 1
    for i = 1, iterations do
      checksum = (checksum * 31 + i) % 1000000007
      counter = counter + 1
    end
    local nxt = coroutine.yield(rounds, checksum)
    if nxt == nil then break end
    iterations = nxt
  end
  return "finished", rounds, checksum
end)

local ok, r, c = coroutine.resume(worker, 100000)
print(ok, r, c, counter)
assert(counter == 100000)
ok, r, c = coroutine.resume(worker, 50000)
print(ok, r, c, counter)
ok, r, c = coroutine.resume(worker, 100000)
print(ok, r, c, counter)
assert(counter == 250000)
print(coroutine.resume(worker))
print(coroutine.status(worker))

-- the same computation without a coroutine gives the same checksum
local function plain()
  local checksum = 0
  for _, n in ipairs({100000, 50000, 100000}) do
    for i = 1, n do checksum = (checksum * 31 + i) % 1000000007 end
  end
  return checksum
end
print("plain", plain())
assert(plain() == c)

-- float accumulation in a hot loop, yielding every 25000 steps
local acc = coroutine.wrap(function()
  local x = 0.0
  for i = 1, 100000 do
    x = x + 0.5
    if i % 25000 == 0 then coroutine.yield(i, x) end
  end
end)
for _ = 1, 4 do print(acc()) end
