-- Functions that contain a loop, called from a hot loop, get function traces of their own that the loop's trace
-- calls natively; their several results come back through the native call.

local items = {3, 1, 4, 1, 5, 9, 2, 6}

-- two results, the second sometimes nil
local function find_max(t, limit)
  local best, at = nil, nil
  for i = 1, #t do
    local v = t[i]
    if v <= limit and (best == nil or v > best) then best, at = v, i end
  end
  return best, at
end

local sum_best, sum_at, misses = 0, 0, 0
for round = 1, 400 do
  local limit = round % 11 - 1
  local best, at = find_max(items, limit)       -- wants two
  if best then sum_best = sum_best + best; sum_at = sum_at + at else misses = misses + 1 end
  if find_max(items, limit) then sum_at = sum_at + 1 end  -- wants one
  local packed = {find_max(items, limit)}       -- wants all
  sum_at = sum_at + #packed
  local a, b, c = find_max(items, limit)        -- wants more than there are
  assert(c == nil and a == best and b == at)
end
print("find_max", sum_best, sum_at, misses)

-- a varying number of results
local function upto(n)
  local t = {}
  for i = 1, n do t[i] = i end
  return table.unpack(t)
end
local counted = 0
for round = 1, 300 do
  local n = round % 4
  counted = counted + select("#", upto(n))
  local x, y = upto(n)
  counted = counted + (x or 0) + (y or 0)
end
print("upto", counted)

-- a function whose loop runs long: it is not unrolled anywhere, and the caller's loop still works
local function total(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
local grand = 0
for round = 1, 300 do grand = grand + total(100 + round % 7) end
print("total", grand)

-- a function with a loop that errors on some calls
local function checked_sum(t)
  local s = 0
  for i = 1, #t do
    if type(t[i]) ~= "number" then error("item " .. i .. " is not a number") end
    s = s + t[i]
  end
  return s
end
local good, bad = 0, 0
for round = 1, 300 do
  local t = {1, 2, round % 13 == 0 and "x" or 3}
  local ok, r = pcall(checked_sum, t)
  if ok then good = good + r else bad = bad + 1; assert(r:find("item 3 is not a number", 1, true)) end
end
print("checked", good, bad)
