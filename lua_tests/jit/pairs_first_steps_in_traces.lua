-- The first step of a pairs loop in a trace: into an array part (key 1 and its item), over an empty table (the
-- end), and the other cases (a hole at 1, only a hash part, both parts) through the library; tables that change
-- shape between the loop's runs keep giving what the interpreter gives.
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
print(total, counts)
assert(total == 87350 and counts == 1650, total .. " " .. counts)
