-- Tables and functions as keys (set, read, deleted natively in the hash part: the object itself is the key) and
-- equality of tables decided by identity when neither has __eq (one with __eq reaching the same comparison).
local nodes = {}
for i = 1, 30 do nodes[i] = { id = i } end
local Cls = { __index = {} }
for i = 31, 40 do nodes[i] = setmetatable({ id = i }, Cls) end
local Eq = { __eq = function(a, b) return a.id % 5 == b.id % 5 end }
local e1, e2 = setmetatable({ id = 1 }, Eq), setmetatable({ id = 6 }, Eq)
local mark, count = {}, {}
local fn_keys = { print, function() end, math.floor }
local same, eqs = 0, 0
for round = 1, 400 do
  local n = nodes[1 + round % 40]
  mark[n] = (mark[n] or 0) + 1
  if round % 7 == 0 then mark[n] = nil end
  local f = fn_keys[1 + round % 3]
  count[f] = (count[f] or 0) + 1
  if n == nodes[1 + (round * 3) % 40] then same = same + 1 end
  if round % 50 == 0 then
    local a, b = (round % 100 == 0) and e1 or n, e2
    if a == b then eqs = eqs + 1 end
  end
end
local total, keys = 0, 0
for k, v in pairs(mark) do total = total + v + k.id; keys = keys + 1 end
print(total, keys, same, eqs, count[print], count[math.floor])

-- a class gains __eq half way: from then on its objects compare through it
local Late = {}
local p, q = setmetatable({ id = 1 }, Late), setmetatable({ id = 2 }, Late)
local late_eq = 0
for round = 1, 300 do
  if round == 150 then Late.__eq = function(a, b) return true end end
  if p == q then late_eq = late_eq + 1 end
end
print("late __eq", late_eq)

-- new object keys between traversals: every traversal sees all the keys added before it
local reg, added, walked = {}, 0, 0
for round = 1, 300 do
  reg[{}] = round
  added = added + 1
  if round % 30 == 0 then
    local n = 0
    for _ in pairs(reg) do n = n + 1 end
    walked = walked + n
  end
end
print("traversals", added, walked)
