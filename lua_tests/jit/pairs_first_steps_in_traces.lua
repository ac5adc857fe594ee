-- The first step of a pairs loop in a trace: into an array part (key 1 and its item), into a hash part that has
-- its key snapshot (a table traversed before), over an empty table (the end), and the other cases (a hole at 1, a
-- hash part without a snapshot, both parts) through the library; tables that change shape between the loop's
-- runs (keys deleted, added, boolean and float keys) keep giving what the interpreter gives.
local function walk(t)
  local n, s = 0, 0
  for k, v in pairs(t) do
    n = n + 1
    if type(k) == "number" then s = s + k * 10 end
    if type(v) == "number" then s = s + v end
  end
  return n, s
end
local shapes = {
  function() return {} end,
  function() return { 5, 6, 7 } end,
  function() return { nil, 2, 3 } end,
  function() return { x = 1, y = 2 } end,
  function() return { 4, 5, x = 9 } end,
  function(i) local t = { 1, 2, 3 }; t[1] = nil; t.k = i; return t end,
  function(i) local t = {}; for j = 1, i % 5 do t[j] = j end; return t end,
}
local total, counts = 0, 0
for i = 1, 700 do
  local make = shapes[(i * 3) % #shapes + 1]
  local n, s = walk(make(i))
  total, counts = total + s, counts + n
end
local same = {}
for i = 1, 300 do
  if i % 100 == 0 then same[1] = nil elseif i % 100 == 50 then same[1] = i end
  local n, s = walk(same)
  total, counts = total + s, counts + n
end
local objects = {}
for i = 1, 20 do objects[i] = { name = "n" .. i, size = i, [true] = i % 2 == 0, [2.5] = i } end
local kinds = 0
for round = 1, 60 do
  for i = 1, #objects do
    local o = objects[i]
    if round == 20 and i % 3 == 0 then o.name = nil end  -- a deleted key stays in the snapshot, skipped
    if round == 30 and i % 4 == 0 then o["extra" .. i] = i end  -- a new key drops the snapshot
    if round == 40 and i % 5 == 0 then o[true] = nil; o[2.5] = nil end
    for k, v in pairs(o) do
      kinds = kinds + (type(k) == "string" and #k or type(k) == "boolean" and 100 or 1000)
      if type(v) == "number" then total = total + v end
      counts = counts + 1
    end
  end
end
print(total, counts, kinds)
assert(total == 113360 and counts == 6191 and kinds == 1237239, total .. " " .. counts .. " " .. kinds)
