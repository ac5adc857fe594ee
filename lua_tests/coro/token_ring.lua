-- A ring of coroutines passes a token around N times; a scheduler resumes whichever node holds it.
local NODES, HOPS = 50, 5000
local nodes = {}
local visits = {}

for i = 1, NODES do
  visits[i] = 0
  nodes[i] = coroutine.create(function(token)
    while true do
      visits[i] = visits[i] + 1
      if token == 0 then return "stopped at " .. i end
      -- hand the decremented token to the next node
      token = coroutine.yield(i % NODES + 1, token - 1)
    end
  end)
end

local current, token = 1, HOPS
local hops = 0
while true do
  local ok, nxt, tok = coroutine.resume(nodes[current], token)
  assert(ok, nxt)
  if coroutine.status(nodes[current]) == "dead" then
    print(nxt)
    break
  end
  hops = hops + 1
  current, token = nxt, tok
end

print("hops", hops)
assert(hops == HOPS)
local total = 0
for i = 1, NODES do total = total + visits[i] end
print("total visits", total, "node1", visits[1], "node50", visits[50])
assert(total == HOPS + 1)

-- statuses: the stopping node is dead, others suspended
local dead, suspended = 0, 0
for i = 1, NODES do
  local s = coroutine.status(nodes[i])
  if s == "dead" then dead = dead + 1 elseif s == "suspended" then suspended = suspended + 1 end
end
print("dead", dead, "suspended", suspended)
assert(dead == 1 and suspended == NODES - 1)

-- direct ring: each node resumes the next one itself (nesting depth grows to ring size)
local ring = {}
local trace = {}
for i = 1, 10 do
  ring[i] = coroutine.wrap(function(t)
    trace[#trace + 1] = i
    if i < 10 then return ring[i + 1](t + i) end
    return t + i
  end)
end
print("nested ring sum", ring[1](0), table.concat(trace, ","))
