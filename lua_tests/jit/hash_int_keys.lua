-- Integer keys outside a table's array part live in its hash part; traces read and update them natively. The
-- border between the parts moves while the loops run.

local counts = {}
for r = 2, 9 do counts[r] = 0 end        -- keys 2..9: no key 1, so all of them sit in the hash part
local sparse = {[-3] = 1, [0] = 2, [100] = 3, [2^40] = 4}
local total = 0
for step = 1, 3000 do
  local r = step % 8 + 2
  local c = (counts[r] or 0) + 1
  if c < r then counts[r] = c else counts[r] = 0 end
  total = total + (sparse[-3] + sparse[0] + sparse[100] + sparse[2^40]) + (sparse[step] or 0)
  if step == 1500 then counts[1] = 0 end  -- key 1 arrives: the array part takes over keys 1, 2, ...
end
local parts = {}
for r = 1, 9 do parts[#parts + 1] = tostring(counts[r]) end
print("counts", table.concat(parts, " "), total)

-- a key that extends the array part, keys that are removed, and keys under a metatable
local t = {}
local seen = 0
for i = 1, 500 do
  t[i * 2] = i                          -- even keys first: hash part
  if t[i * 2 - 1] ~= nil then seen = seen + 1 end
  if i % 50 == 0 then t[i * 2] = nil end
end
for i = 1, 1000, 2 do t[i] = -i end     -- odd keys fill the gaps: the array part grows over them
local sum = 0
for i = 1, 1000 do sum = sum + (t[i] or 0) end
print("fill", seen, sum, #t > 0)

local defaults = setmetatable({[5] = "five"}, {__index = function(_, k) return "default " .. k end})
local hits = {}
for i = 1, 300 do
  local k = i % 7 + 3
  hits[defaults[k]] = (hits[defaults[k]] or 0) + 1
end
local keys = {}
for k, v in pairs(hits) do keys[#keys + 1] = k .. "=" .. v end
table.sort(keys)
print("meta", table.concat(keys, ", "))
