-- Coroutine ring: a token passed around a ring of coroutines; resume/yield switching cost.
-- quick: 1000
local passes = tonumber(arg and arg[1]) or 7000000
local ring_size = 503

-- Each node loops forever: it receives the token count, decrements it and yields it back with its id.
local function node(id)
  return coroutine.wrap(function(token)
    while true do
      token = coroutine.yield(id, token - 1)
    end
  end)
end

local nodes = {}
for i = 1, ring_size do nodes[i] = node(i) end

local token, holder, i = passes, 0, 1
local visits = 0
while token > 0 do
  holder, token = nodes[i](token)
  visits = visits + holder
  i = i % ring_size + 1
end
print(string.format("token ended at node %d after %d passes (id sum %d)", holder, passes, visits))
