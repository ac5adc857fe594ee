-- ipairs loops run natively over the array part: a hole ends them, items in the hash part, tables that grow or
-- shrink while iterated, a metatable set half way, and the iterator called by hand near the integer limit must
-- all behave as in lua5.4. math.abs runs natively on integers (the minimum integer stays itself) and floats.
local function total(t)
  local s, n = 0, 0
  for i, v in ipairs(t) do
    s = s + i * v
    n = n + 1
  end
  return s, n
end

local dense = {}
for i = 1, 20 do dense[i] = i end
local holed = { 1, 2, 3, nil, 5, 6 }
local hashed = { 1, 2, 3 }
hashed[5] = 5
hashed[4] = 4                      -- 4 and 5 may sit in the hash part
local sums = {}
for round = 1, 300 do
  local t = round % 3 == 0 and holed or round % 3 == 1 and dense or hashed
  local s, n = total(t)
  sums[#sums + 1] = s .. "/" .. n
end
print("shapes", sums[1], sums[2], sums[3], sums[298], sums[299], sums[300])

-- the table grows while iterated (the loop sees the new items), or shrinks
local grown = 0
for round = 1, 200 do
  local t = { 1, 2, 3 }
  for i, v in ipairs(t) do
    if i < 6 and round % 2 == 0 then t[#t + 1] = v + 10 end
    if i == 2 and round % 5 == 0 then t[3] = nil end
    grown = grown + v
  end
end
print("grown", grown)

-- a metatable with __index answers past the array part once it is set
local proxied = { 10, 20 }
local extra = 0
for round = 1, 300 do
  if round == 150 then
    setmetatable(proxied, { __index = function(t, i) if i <= 4 then return i * 100 end end })
  end
  for _, v in ipairs(proxied) do extra = extra + v end
end
print("metatable", extra)

-- the iterator by hand, next to the largest integer (the control value wraps to the smallest)
local iter = ipairs({})
local wrap = {}
wrap[math.mininteger] = "min"
local got = {}
for round = 1, 200 do
  local i, v = iter(wrap, math.maxinteger)
  got[#got + 1] = tostring(i) .. ":" .. tostring(v)
  local j, w = iter(dense, round % 25)
  got[#got + 1] = tostring(j) .. ":" .. tostring(w)
end
print("by hand", got[1], got[2], got[49], got[50], got[399], got[400])

-- a generic for on the iterator from a starting index past the array part: items in the hash part count
local sparse = { 1, 2, 3 }
sparse[11], sparse[12] = 11, 12
local function from(t, k)
  local s = 0
  for _, v in iter, t, k do s = s + v end
  return s
end
local seen = 0
for round = 1, 300 do
  seen = seen + from(dense, round % 20) + from(sparse, round % 2 == 0 and 10 or 1) + from(holed, 3)
end
print("from", seen)

local a = 0
local vals = { -3, 4, math.mininteger, -0.0, -2.5, 7, math.maxinteger, -math.maxinteger, 1e308, -math.huge }
local out = {}
for round = 1, 300 do
  local x = vals[1 + round % #vals]
  local y = math.abs(x)
  if round > 290 then out[#out + 1] = math.type(y) .. " " .. tostring(y) end
  if math.type(x) == "integer" then a = a + (y % 1000) end
end
print("abs", a)
print(table.concat(out, ", "))
