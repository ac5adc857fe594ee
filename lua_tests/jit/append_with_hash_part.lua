-- Hot loops that append to tables whose hash part is not empty: 0-based arrays (key 0 lives in the hash part),
-- objects with fields and an array part, keys waiting in the hash part that an append must pull into the array,
-- negative keys, and appends while `next` walks the table.

-- 0-based arrays filled and read in a loop
local sum = 0
for round = 1, 60 do
  local t = {}
  for i = 0, 40 do t[i] = i * round end
  sum = sum + #t + t[0] + t[40]
  for i = -3, -1 do t[i] = i end
  sum = sum + t[-3] + #t
end
assert(sum == 60 * 40 + 40 * (60 * 61 // 2) + 60 * (-3 + 40), sum)

-- an object with fields gets an array part
local objs = {}
for k = 1, 80 do
  local o = { name = "o" .. k, size = k }
  for i = 1, k % 7 do o[#o + 1] = i end
  objs[k] = o
end
local total = 0
for k = 1, 80 do total = total + #objs[k] + objs[k].size end
assert(total == 80 * 81 // 2 + 11 * 21 + (1 + 2 + 3), total)  -- sizes, and k % 7 over 11 weeks and 3 days

-- keys already in the hash part move into the array when an append reaches them (explicit keys: a table with
-- holes has more than one border, and # may return any)
local moved = 0
for round = 1, 60 do
  local t = { [3] = "c", [4] = "d", [6] = "f" }
  for i = 1, 2 do t[i] = i end  -- appending 2 pulls 3 and 4 in
  t[5] = "e"  -- pulls 6 in
  moved = moved + #t
  for i = 1, 6 do assert(t[i] ~= nil) end
end
assert(moved == 60 * 6, moved)

-- an append after a walk with next has started (and been left): a new walk sees the new key
local seen = 0
for round = 1, 60 do
  local t = { x = 1, y = 2 }
  for i = 1, 5 do t[i] = i end
  assert(next(t) ~= nil)
  t[#t + 1] = 6
  t[0] = 0
  for _ in pairs(t) do seen = seen + 1 end
end
assert(seen == 60 * 9, seen)
print("ok")
