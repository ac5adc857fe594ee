-- table.pack (field n, nils) and table.unpack with explicit ranges, negatives and limits
local p = table.pack()
print(p.n, #p, next(p))
p = table.pack(nil)
print(p.n, p[1])
p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
p = table.pack("a", "b")
print(p.n, p[1], p[2])

-- pack/unpack round trip with trailing nils using n
local function roundtrip(...)
  local t = table.pack(...)
  return table.unpack(t, 1, t.n)
end
print(select('#', roundtrip(1, nil, nil)), roundtrip(1, nil, nil))

-- unpack ranges
local t = {"a", "b", "c", "d", "e"}
print(table.unpack(t))
print(table.unpack(t, 2))
print(table.unpack(t, 2, 3))
print(table.unpack(t, 4, 10))
print(select('#', table.unpack(t, 3, 2)))
print(table.unpack(t, -1, 1))
print(table.unpack({}, 1, 3))
print(table.unpack(t, 5, 5))

-- float bounds with integral values
print(table.unpack(t, 1.0, 2.0))
print(pcall(table.unpack, t, 1.5))

-- unpack uses the length operator by default
local holes = {1, 2, 3}
holes[5] = 5
print(select('#', table.unpack(holes, 1, 5)))

-- __index is honoured
local proxy = setmetatable({}, {__index = function(_, i) return i * 100 end})
print(table.unpack(proxy, 1, 3))

-- too many results
print(pcall(function() return select('#', table.unpack({}, 1, 2e6)) end))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))

-- unpack into a function call
print(math.max(table.unpack({3, 9, 2})), string.char(table.unpack({76, 117, 97})))

-- pack keeps n even if a field n is in the arguments
local q = table.pack("n", "m")
print(q.n, q[1])
