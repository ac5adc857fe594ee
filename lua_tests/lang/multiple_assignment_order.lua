-- Multiple assignment evaluates all right-hand expressions before assigning; swaps, adjustments and call truncation.
local a, b = 1, 2
a, b = b, a
assert(a == 2 and b == 1, "swap")

local x, y, z = 1, 2, 3
x, y, z = z, x, y
assert(x == 3 and y == 1 and z == 2, "rotate")

-- extra values are discarded, missing ones become nil
local p, q = 1
assert(p == 1 and q == nil)
local r = 1, 2, 3
assert(r == 1)

-- all expressions are evaluated even if their values are dropped
local evaluated = {}
local function mark(v) evaluated[#evaluated + 1] = v; return v end
local only = mark("a"), mark("b"), mark("c")
assert(only == "a" and #evaluated == 3)

-- left-to-right evaluation order of the right-hand side
evaluated = {}
local _, _, _ = mark(1), mark(2), mark(3)
assert(table.concat(evaluated, ",") == "1,2,3")

-- a function call in the last position expands, elsewhere it is truncated
local function two() return "first", "second" end
local m1, m2, m3 = two(), two()
assert(m1 == "first" and m2 == "first" and m3 == "second")
local n1, n2 = (two())
assert(n1 == "first" and n2 == nil, "parentheses truncate to one value")

-- table index expressions on the left are evaluated before assignment
local t = {}
local i = 1
i, t[i] = i + 1, "set"
assert(t[1] == "set" and t[2] == nil and i == 2, "t[i] uses i from before the assignment")

-- swapping table fields
local arr = {10, 20, 30}
arr[1], arr[3] = arr[3], arr[1]
assert(arr[1] == 30 and arr[3] == 10)

-- swapping through a function call result
local function pair() return 5, 6 end
local u, v = pair()
u, v = v, u
assert(u == 6 and v == 5)

-- assignment to globals and locals mixed
local loc
G_MA_TEST, loc = "global", "local"
assert(G_MA_TEST == "global" and loc == "local")
G_MA_TEST = nil

-- the same variable twice on the left: only check that it gets one of the values
local w
w, w = 1, 2
assert(w == 1 or w == 2)
print(a, b, x, y, z, m1, m2, m3, n1, n2, arr[1], arr[3], u, v, i, t[1])
