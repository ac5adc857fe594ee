-- Varargs keep trailing and embedded nils; select('#') counts them, select(n) and negative indexes slice.
local function count(...) return select("#", ...) end
assert(count() == 0)
assert(count(nil) == 1)
assert(count(nil, nil, nil) == 3)
assert(count(1, nil) == 2)
assert(count(nil, 2) == 2)

local function pack_len(...) local t = table.pack(...) return t.n, #{...} >= 0 end
assert(pack_len(nil, nil) == 2)

-- select with positive and negative indices
assert(select(2, "a", "b", "c") == "b")
assert(select("#", select(2, "a", "b", "c")) == 2)
assert(select(-1, "a", "b", "c") == "c")
assert(select(-3, "a", "b", "c") == "a")
assert(select("#", select(4, "a", "b", "c")) == 0, "past the end gives nothing")
local ok, err = pcall(select, 0, "a")
assert(not ok and string.find(err, "index out of range", 1, true), err)
ok, err = pcall(select, -4, "a", "b", "c")
assert(not ok and string.find(err, "index out of range", 1, true), err)

-- passing varargs along keeps the nils
local function forward(...) return count(...) end
assert(forward(nil, nil, 3, nil) == 4)

-- ... in the middle of a list is truncated to one value
local function mid(...) return count(..., "x") end
assert(mid(1, 2, 3) == 2)
assert(mid() == 2, "empty vararg in the middle still gives one nil")

-- table.unpack with explicit n restores the nils
local t = table.pack(1, nil, 3, nil)
assert(count(table.unpack(t, 1, t.n)) == 4)

-- varargs in a table constructor
local function collect(...) return {...} end
local c = collect("a", "b", nil, "d")
assert(c[1] == "a" and c[4] == "d" and c[3] == nil)

-- adjusting to a fixed number of locals
local function three(...) local a, b, c2 = ... return a, b, c2 end
local p, q, r = three(1)
assert(p == 1 and q == nil and r == nil)

-- a vararg function with fixed params first
local function head(first, ...) return first, count(...) end
local h, rest = head(10, 20, nil)
assert(h == 10 and rest == 2)

-- select('#') over 250 unpacked values
local many = {}
for i = 1, 250 do many[i] = i end
assert(count(table.unpack(many)) == 250)
print(count(nil, nil), select("#", select(2, 1, nil, nil)), select(-2, "a", "b", "c"))
print(mid(1, 2, 3), forward(nil, nil, 3, nil), h, rest, count(table.unpack(many)))
