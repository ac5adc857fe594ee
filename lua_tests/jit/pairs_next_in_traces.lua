-- pairs loops run `next` natively: through the array part (holes, the step into the hash part, the end), through
-- the hash part's keys (string, table, function, integer and boolean keys; fields deleted or changed while the
-- loop runs; keys added between traversals), over tables with metatables (next ignores them), and next called by
-- hand. The sums do not depend on the order of traversal, which differs between implementations.
local function sums(t)
  local ks, vs, n = 0, 0, 0
  for k, v in pairs(t) do
    local tk = type(k)
    if tk == "number" then ks = ks + k
    elseif tk == "string" then ks = ks + #k
    elseif tk == "boolean" then ks = ks + (k and 7 or 3)
    else ks = ks + 1000 end
    vs = vs + v
    n = n + 1
  end
  return ks, vs, n
end

local array = {}
for i = 1, 30 do array[i] = i * 2 end
local holed = { 1, 2, nil, 4, nil, nil, 7 }
local mixed = { 5, 6, 7, x = 1, y = 2, z = 3 }
local fields = {}
for i = 1, 25 do fields["f" .. i] = i end
local keyed = {}
for i = 1, 10 do keyed[{}] = i; keyed[function() return i end] = i * 10 end
local sparse = { [100] = 1, [200] = 2, [-5] = 3, [0] = 4, [2.5] = 5, [true] = 6, [false] = 7 }
local empty = {}
local shapes = { array, holed, mixed, fields, keyed, sparse, empty }
local out = {}
for round = 1, 400 do
  local t = shapes[round % #shapes + 1]
  local ks, vs, n = sums(t)
  out[round % #shapes + 1] = ks .. "/" .. vs .. "/" .. n
end
print("shapes", table.concat(out, " "))

-- fields deleted (the loop skips them) or changed while traversed; the table is rebuilt each round. At its first
-- key the loop deletes every other key whose value is a multiple of 3: it must visit none of them afterwards
local ghosts, others, changed = 0, 0, 0
for round = 1, 300 do
  local t = {}
  for i = 1, 12 do t["k" .. i] = i end
  local first = true
  for k, v in pairs(t) do
    if first then
      for i = 3, 12, 3 do if "k" .. i ~= k then t["k" .. i] = nil end end
      first = false
    elseif v % 3 == 0 then
      ghosts = ghosts + 1
    end
    if v % 3 ~= 0 then others = others + v end
    if v % 4 == 0 and v % 3 ~= 0 then t[k] = v * 100 end
  end
  for _, v in pairs(t) do if v % 100 == 0 then changed = changed + 1 end end
end
print("deleted", ghosts, others, changed)

-- keys added between traversals (the table's key snapshot is made anew); values grow while traversed
local grow = {}
local seen = 0
for round = 1, 300 do
  grow["r" .. (round % 40)] = round
  for k, v in pairs(grow) do
    seen = seen + v
    grow[k] = v + 1
  end
end
print("grown", seen)

-- metatables change nothing: next reads the raw table
local proxy = setmetatable({ a = 1, b = 2, 3 }, {
  __index = function() return 99 end,
  __newindex = function() error("no new fields") end,
  __pairs = nil,
})
local through = 0
for _ = 1, 300 do
  for k, v in pairs(proxy) do through = through + v end
end
print("metatable", through)

-- next by hand, and a table that turns from array into hash and back
local byhand = 0
local t = { 10, 20, 30, x = 40 }
for round = 1, 300 do
  local k, v = next(t)
  while k do
    byhand = byhand + v
    k, v = next(t, k)
  end
  if round == 150 then t[2] = nil; t.y = 50 end
end
print("byhand", byhand)

-- a key that is not in the table is an error, inside a loop that has run natively
local ok, err = pcall(function()
  local u = { a = 1, b = 2, c = 3 }
  local n = 0
  for _ = 1, 300 do
    for k in pairs(u) do n = n + 1 end
  end
  return next(u, "nope")
end)
print("bad key", ok, err)

-- the end of the array part or of the hash part, seen first on tables that end there, then on tables that go on
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end
local counted = {}
for round = 1, 400 do
  local array_only, one_field = { 1, 2, 3 }, { only = 1 }
  if round > 200 then array_only.x = 1; one_field.second = 2; one_field.third = 3 end
  counted[#counted + 1] = count(array_only) + 10 * count(one_field)
end
print("ends", counted[1], counted[200], counted[201], counted[400])

-- a traversal that starts at a given key (the first one, so that the sum does not depend on the order): tables
-- without a key snapshot yet (only every other one was traversed before), then a start key that is not in the
-- table (an error raised from the native step)
local function walk_from(t, start)
  local s = 0
  for _, v in next, t, start do s = s + v end
  return s
end
local from_key, last_round = 0, 0
local ok, err = pcall(function()
  for round = 1, 400 do
    local t = { a = 1, b = 2, c = 3, d = 4 }
    if round % 2 == 1 then count(t) end
    local first = next(t)
    if round == 351 then first = "zz" end
    from_key = from_key + walk_from(t, first) + (t[first] or 0)
    last_round = round
  end
end)
print("from key", from_key, last_round, ok, err)
