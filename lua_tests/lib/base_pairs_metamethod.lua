-- pairs: plain tables, the __pairs metamethod, its return values and deterministic collection
local function sorted_pairs_dump(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = tostring(k) .. "=" .. tostring(t[k]) end
  return table.concat(out, " ")
end

print(sorted_pairs_dump({a = 1, b = 2, 3, 4, [true] = "yes"}))

-- pairs returns next, the table and nil
local f, s, c = pairs({})
print(f == next, c)

-- __pairs replaces the iteration triple
local log = {}
local mt = {__pairs = function(t)
  log[#log + 1] = "called"
  local i = 0
  return function(_, prev)
    i = i + 1
    if i <= 3 then return i, "virtual" .. i end
  end, t, nil
end}
local obj = setmetatable({real = true}, mt)
for k, v in pairs(obj) do print(k, v) end
print(#log)

-- __pairs may return extra state values that are passed back
local ranged = setmetatable({}, {__pairs = function(t)
  return function(limit, k)
    k = k + 1
    if k <= limit then return k, k * 10 end
  end, 4, 0
end})
for k, v in pairs(ranged) do io.write(k, ":", v, " ") end
print()

-- next ignores __pairs
print(next(obj))

-- pairs on a non-table without __pairs returns next,value,nil; the error comes from next
print(pcall(function() return select('#', pairs(1)) end))
print(pcall(function() for _ in pairs(1) do end end))
print(pcall(pairs))

-- pairs on a table where values are assigned during traversal (existing keys only)
local t = {x = 1, y = 2, z = 3}
for k in pairs(t) do t[k] = t[k] * 100 end
print(t.x, t.y, t.z)

-- clearing fields during traversal is allowed
for k in pairs(t) do t[k] = nil end
print(next(t))
