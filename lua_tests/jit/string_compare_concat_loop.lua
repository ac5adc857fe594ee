-- String comparison and concatenation in hot loops, operand types switching between strings and numbers.
local words = {"apple", "Apple", "banana", "app", "", "apple\0x", "zz", "10", "9"}
local lt = 0
for i = 1, 500 do
  local a = words[i % #words + 1]
  local b = words[(i * 7) % #words + 1]
  if a < b then lt = lt + 1 end
  if a <= b and a >= b then assert(a == b) end
end
print(lt)

local s = ""
for i = 1, 400 do
  if i % 100 == 0 then s = s .. 1.5 elseif i % 50 == 0 then s = s .. i else s = s .. "x" end
end
print(#s, s:sub(1, 5), s:sub(-12))

-- concat chains of mixed values, result compared
local last
local ge = 0
for i = 1, 350 do
  local v = (i < 100) and i or ((i < 200) and i + 0.25 or tostring(i))
  local c = "k" .. v .. "|" .. i % 7
  if last and c >= last then ge = ge + 1 end
  last = c
end
print(last, ge)

-- comparing number with string errors, caught
local errs = 0
for i = 1, 300 do
  local b = (i % 30 == 0) and "5" or 5
  local ok = pcall(function() return i < b end)
  if not ok then errs = errs + 1 end
end
print(errs)
-- building via table then comparing
local parts = {}
for i = 1, 320 do parts[#parts + 1] = string.char(65 + i % 26) end
local joined = table.concat(parts)
local maxs = ""
for i = 1, #joined - 3 do
  local w = joined:sub(i, i + 3)
  if w > maxs then maxs = w end
end
print(#joined, maxs)
print("ok")
