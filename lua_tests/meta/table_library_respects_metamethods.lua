-- table.insert/remove/concat/unpack/move and # honour __index, __newindex and __len on proxy tables.
local backing = {}
local writes, reads = 0, 0
local proxy = setmetatable({}, {
  __index = function(_, k) reads = reads + 1; return backing[k] end,
  __newindex = function(_, k, v) writes = writes + 1; backing[k] = v end,
  __len = function() return #backing end,
})

table.insert(proxy, "a")
table.insert(proxy, "b")
table.insert(proxy, 1, "z")
assert(rawlen(proxy) == 0, "nothing stored in the proxy itself")
assert(#proxy == 3 and backing[1] == "z" and backing[3] == "b")
assert(writes >= 3)

assert(table.concat(proxy, "-") == "z-a-b")
assert(select("#", table.unpack(proxy)) == 3)
local x, y, z = table.unpack(proxy)
assert(x == "z" and y == "a" and z == "b")

assert(table.remove(proxy, 1) == "z")
assert(#proxy == 2 and backing[1] == "a" and backing[2] == "b")
assert(table.remove(proxy) == "b" and #proxy == 1)

-- table.move reads through __index and writes through __newindex
local dest_log = {}
local dest = setmetatable({}, {__newindex = function(t, k, v) dest_log[#dest_log + 1] = k; rawset(t, k, v) end})
table.move({"p", "q", "r"}, 1, 3, 1, dest)
assert(table.concat(dest_log, ",") == "1,2,3" and dest[2] == "q")

-- table.sort on a proxy (its number of writes is an implementation detail)
local writes_before_sort = writes
backing = {5, 3, 4, 1}
table.sort(proxy)
assert(table.concat(backing, ",") == "1,3,4,5")

-- next and pairs without __pairs see only the raw (empty) proxy
assert(next(proxy) == nil)

-- a __len larger than the data: unpack yields nils for the gaps
local gappy = setmetatable({"only"}, {__len = function() return 3 end})
local g1, g2, g3 = table.unpack(gappy)
assert(g1 == "only" and g2 == nil and g3 == nil)
assert(select("#", table.unpack(gappy)) == 3)

-- table.concat fails on a nil produced through __index
local ok, err = pcall(table.concat, gappy)
assert(not ok and string.find(err, "invalid value (nil) at index 2 in table for 'concat'", 1, true), err)

-- table.insert position check uses __len
local ok2, err2 = pcall(table.insert, gappy, 9, "x")
assert(not ok2 and string.find(err2, "position out of bounds", 1, true), err2)
print(reads > 0, writes_before_sort, table.concat(backing, ","), #proxy, dest[3], select("#", table.unpack(gappy)))
