-- Fields added to and removed from objects whose class has no __newindex (linked-list nodes that gain a `next`
-- and lose it again), recorded as raw stores: the class later gaining __newindex, an object of another class, a
-- table traversed with next, and a field deleted from a table without a metatable must all still be seen.
local Node = {}
Node.__index = Node
local function node(v) return setmetatable({ v = v }, Node) end

local stack, depth, pushes = nil, 0, 0
local function push(n)
  n.next = stack          -- a new field (absent after pop): the object's class has no __newindex
  stack = n
  depth = depth + 1
  pushes = pushes + 1
end
local function pop()
  local n = stack
  stack = n.next
  n.next = nil            -- the field leaves the object again
  depth = depth - 1
  return n
end

local nodes = {}
for i = 1, 8 do nodes[i] = node(i) end
local sum = 0
for round = 1, 400 do
  for i = 1, 1 + round % 8 do push(nodes[i]) end
  while stack do
    local n = pop()
    assert(rawget(n, "next") == nil)
    sum = sum + n.v
  end
end
print("plain", sum, depth, pushes)

-- the class gains __newindex half way through: stores of absent fields must go through it from then on
local logged = 0
for round = 1, 300 do
  if round == 150 then
    Node.__newindex = function(t, k, v) logged = logged + 1; rawset(t, k, v) end
  end
  local n = nodes[1 + round % 8]
  push(n)
  assert(pop() == n)
end
print("after __newindex", logged, depth)
Node.__newindex = nil

-- an object of another class that has a __newindex, at the same store
local Guarded = { __index = Node }
local refused = 0
Guarded.__newindex = function(t, k, v) refused = refused + 1 end
local mixed = {}
for i = 1, 9 do mixed[i] = i % 3 == 0 and setmetatable({ v = i }, Guarded) or node(i) end
for round = 1, 300 do
  local n = mixed[1 + round % 9]   -- both classes reach the stores along the same path
  n.next = round % 2 == 0 and n or nil
  n.seen = round
  n.next = nil
end
local kept = 0
for i = 1, 9 do if rawget(mixed[i], "seen") then kept = kept + 1 end end
print("other class", refused, kept)

-- deleting absent and present fields of plain tables, and adding fields to a table under traversal
local t = {}
local keys = { "a", "b", "c", "d" }
local present = 0
for round = 1, 500 do
  local k = keys[1 + round % 4]
  if round % 3 == 0 then t[k] = nil else t[k] = round end
  if round % 50 == 0 then
    local seen = 0
    for key in next, t do seen = seen + 1; t[key] = round end   -- stores into present fields while traversing
    present = present + seen
  end
end
local names = {}
for k, v in pairs(t) do names[#names + 1] = k .. "=" .. v end
table.sort(names)
print("plain table", present, table.concat(names, " "))
