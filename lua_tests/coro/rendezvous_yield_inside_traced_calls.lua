-- Coroutines that meet in pairs: each loops calling a function that, for the first of a pair, spins in a loop
-- around coroutine.yield() until its partner arrives. A recording that starts inside such a call in one coroutine
-- and yields must never be continued by another coroutine that returns from the same function.
local meetings, waiting = 0, nil
local log = {}

local function meet(me, limit)
  if meetings >= limit then return false end
  if waiting == nil then
    waiting = me
    repeat coroutine.yield() until me.partner
    me.partner = nil
    return true
  end
  waiting.partner = me.name
  log[#log + 1] = waiting.name .. "+" .. me.name
  waiting = nil
  meetings = meetings + 1
  return true
end

local function run(ncreatures, limit, rounds)
  meetings, waiting, log = 0, nil, {}
  local threads, met = {}, {}
  for i = 1, ncreatures do
    local me = {name = "c" .. i}
    met[i] = 0
    threads[i] = coroutine.create(function()
      while meet(me, limit) do met[i] = met[i] + 1 end
      return "done"
    end)
  end
  for _ = 1, rounds do
    for i = 1, ncreatures do
      if coroutine.status(threads[i]) == "suspended" then
        local ok, err = coroutine.resume(threads[i])
        assert(ok, err)
      end
    end
  end
  local total = 0
  for i = 1, ncreatures do total = total + met[i] end
  return meetings, total, #log, log[1], log[#log]
end

print(run(3, 5, 3))
print(run(3, 40, 50))
print(run(5, 200, 300))
print(run(2, 100, 150))
