-- Generic for over pairs, ipairs, custom stateless iterators and closure iterators, in hot loops.
local arr = {}
for i = 1, 400 do arr[i] = i % 5 == 0 and i + 0.5 or i end
local s = 0
for i, v in ipairs(arr) do s = s + i * v end
print(s)

local h = {}
for i = 1, 300 do h["k" .. i] = i end
local hs, hn = 0, 0
for k, v in pairs(h) do hs = hs + v; hn = hn + #k end
print(hs, hn)

-- stateless custom iterator
local function evens(t, i)
  i = i + 2
  if t[i] ~= nil then return i, t[i] end
end
local es = 0
for i, v in evens, arr, 0 do es = es + v end
print(es)

-- closure iterator whose yielded type changes
local function range(n)
  local i = 0
  return function()
    i = i + 1
    if i > n then return nil end
    if i > n // 2 then return i, tostring(i) end
    return i, i
  end
end
local ni, ns = 0, 0
for i, v in range(500) do
  if type(v) == "number" then ni = ni + v else ns = ns + #v end
end
print(ni, ns)

-- ipairs stops at first hole created mid-run
local holey = {}
for i = 1, 350 do holey[i] = i end
local counts = {}
for round = 1, 3 do
  holey[350 - round * 100] = nil
  local c = 0
  for _ in ipairs(holey) do c = c + 1 end
  counts[round] = c
end
print(table.concat(counts, ","))
-- __pairs metamethod used by pairs in a hot loop
local prox = setmetatable({}, {__pairs = function(t)
  local i = 0
  return function() i = i + 1; if i <= 300 then return i, i * 2 end end, t, nil
end})
local ps = 0
for k, v in pairs(prox) do ps = ps + k + v end
print(ps)
print("ok")
