-- coroutine.status inside traced loops (an intrinsic: the status without the library's checks) gives every status
-- the library gives: suspended, running (the coroutine asks about itself), normal (it asks about its resumer),
-- dead; and the main thread is running. A non-coroutine argument still raises the library's error.
local main = coroutine.running()
local seen = {}
local function note(s) seen[s] = (seen[s] or 0) + 1 end

local inner, outer
outer = coroutine.create(function()
  for i = 1, 300 do
    note(coroutine.status(outer))      -- running
    coroutine.resume(inner)
    coroutine.yield(i)
  end
end)
inner = coroutine.create(function()
  while true do
    note(coroutine.status(outer))      -- normal: outer resumed us
    note(coroutine.status(main))       -- normal: main resumed outer
    coroutine.yield()
  end
end)

local rounds = 0
while coroutine.status(outer) ~= "dead" do
  note(coroutine.status(outer))        -- suspended
  note(coroutine.status(main))         -- running
  coroutine.resume(outer)
  rounds = rounds + 1
end
for i = 1, 200 do note(coroutine.status(outer)) end  -- dead

assert(rounds == 301, rounds)
assert(seen.running == 300 + 301, seen.running)
assert(seen.normal == 600, seen.normal)
assert(seen.suspended == 301 + 300 - 300, seen.suspended)
assert(seen.dead == 200, seen.dead)

local ok, err = pcall(coroutine.status, {})
assert(not ok and err:find("bad argument #1 to", 1, true) and err:find("thread expected", 1, true), err)
for i = 1, 200 do
  local ok2 = pcall(coroutine.status, i % 2 == 0 and outer or "x")
  assert(ok2 == (i % 2 == 0))
end
print(rounds, seen.running, seen.normal, seen.suspended, seen.dead)
