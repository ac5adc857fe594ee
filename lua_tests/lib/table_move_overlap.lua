-- table.move: overlapping ranges in both directions, other destination tables, and limits
local function show(t, n) local o = {} for i = 1, n do o[i] = tostring(t[i]) end return table.concat(o, ",") end

local a = {1, 2, 3, 4, 5}
table.move(a, 1, 3, 3)          -- overlap, moving right
print(show(a, 5))

local b = {1, 2, 3, 4, 5}
table.move(b, 3, 5, 1)          -- overlap, moving left
print(show(b, 5))

local c = {1, 2, 3, 4, 5}
table.move(c, 2, 4, 2)          -- same position: no change
print(show(c, 5))

local d = {1, 2, 3}
table.move(d, 1, 3, 2)          -- shift right by one
print(show(d, 4))

-- returns the destination table
local src, dst = {"x", "y", "z"}, {}
print(table.move(src, 1, 3, 1, dst) == dst, show(dst, 3))
print(table.move(src, 1, 0, 1, dst) == dst)

-- moving into the middle of another table
local dst2 = {"a", "b", "c", "d"}
table.move({"X", "Y"}, 1, 2, 2, dst2)
print(show(dst2, 4))

-- empty ranges do nothing
local e = {1, 2, 3}
table.move(e, 3, 1, 1)
print(show(e, 3))

-- negative and zero indices
local neg = {[-1] = "m1", [0] = "z", [1] = "p1"}
local out = table.move(neg, -1, 1, 1, {})
print(out[1], out[2], out[3])

-- nil holes are copied as nil
local h = table.move({1, nil, 3}, 1, 3, 1, {"a", "b", "c"})
print(h[1], h[2], h[3])

-- metamethods are honoured
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) return "get" .. k end,
  __newindex = function(_, k, v) log[#log + 1] = k .. "=" .. v end,
})
table.move(proxy, 1, 3, 10, proxy)
print(table.concat(log, " "))

-- errors
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, 1, 2))
print(pcall(table.move, 1, 1, 1, 1))
print(pcall(table.move, {}, -1, math.maxinteger, 1))
