-- next/pairs traversal rules: every key visited once, integer/float key normalisation, nil assignment
local t = {}
for i = 1, 20 do t[i] = i * i end
for _, k in ipairs({"a", "b", "c", 2.5, true}) do t[k] = tostring(k) end

-- count visits per key via next
local seen, visits = {}, 0
local k, v = next(t)
while k ~= nil do
  visits = visits + 1
  seen[k] = (seen[k] or 0) + 1
  k, v = next(t, k)
end
local dup = false
for _, c in pairs(seen) do if c ~= 1 then dup = true end end
print(visits, dup)

-- float keys with integer values are the same key as integers
local f = {}
f[1.0] = "one"; f[2] = "two"; f[3.0] = "three"
print(f[1], f[2.0], f[3], #f, math.type(next(f)))
f[2^53] = "big"
print(f[2^53 | 0], f[9007199254740992])

-- setting existing fields to nil during traversal is permitted
local removed = 0
for key in pairs(t) do
  if type(key) == "number" and key % 2 == 0 then t[key] = nil; removed = removed + 1 end
end
local left = 0
for _ in pairs(t) do left = left + 1 end
print(removed, left)

-- next after the last key returns nil
local single = {x = 1}
print(next(single, "x"))

-- nil and NaN cannot be keys
print(pcall(function() local z = {}; z[nil] = 1 end))
print(pcall(function() local z = {}; z[0/0] = 1 end))
print(({})[nil], ({})[0/0])

-- next from an integer key in the array part
local arr = {10, 20, 30}
print(next(arr, 1), next(arr, 3))

-- sorted key listing is deterministic
local keys = {}
for key in pairs({z = 1, y = 2, x = 3, [1] = 4, [-1] = 5}) do keys[#keys + 1] = tostring(key) end
table.sort(keys)
print(table.concat(keys, " "))
