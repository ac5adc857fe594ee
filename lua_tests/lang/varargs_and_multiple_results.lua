-- Varargs, select, multiple results and their truncation rules.
local function va(...) return select("#", ...), ... end
local n, a, b, c = va(1, nil, 3)
assert(n == 3 and a == 1 and b == nil and c == 3, "select('#') counts nils")
assert(select(-1, 1, 2, 3) == 3, "negative select")
local function two() return 1, 2 end
local t = {two(), two()}
assert(#t == 3 and t[1] == 1 and t[2] == 1 and t[3] == 2, "only the last call expands")
assert((two()) == 1, "parentheses truncate to one value")
local x, y, z = two()
assert(x == 1 and y == 2 and z == nil, "missing values are nil")
local function pass(...) return ... end
assert(select("#", pass()) == 0, "no values")
assert(select("#", pass(nil, nil)) == 2, "trailing nils are kept")
local packed = {n = select("#", 1, 2), 1, 2}
assert(packed.n == 2)
print(va(1, 2, 3))
print(two(), two())
