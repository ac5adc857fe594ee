-- __index as a table (chained through several metatables) and as a function receiving (table, key).
local base = {greet = "hello", shared = 1}
local mid = setmetatable({shared = 2, mid_only = true}, {__index = base})
local leaf = setmetatable({}, {__index = mid})
assert(leaf.greet == "hello", "found two levels up")
assert(leaf.shared == 2, "nearest level wins")
assert(leaf.mid_only == true)
assert(leaf.missing == nil)
assert(rawget(leaf, "greet") == nil, "nothing was copied into leaf")

-- __index is only consulted for absent keys
leaf.shared = 3
assert(leaf.shared == 3 and mid.shared == 2)

-- __index function receives the original table and the key
local calls = {}
local proxy = setmetatable({present = "yes"}, {
  __index = function(t, k)
    calls[#calls + 1] = tostring(k)
    assert(type(t) == "table")
    return k .. "!"
  end,
})
assert(proxy.present == "yes")
assert(proxy.abc == "abc!" and proxy[1] == "1!")
assert(#calls == 2 and calls[1] == "abc" and calls[2] == "1")

-- a function __index can return nil or multiple values (only the first is used)
local multi = setmetatable({}, {__index = function() return "first", "second" end})
local a, b = multi.x
assert(a == "first" and b == nil)

-- chain that ends in a function
local fn_end = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return "deep:" .. k end})})
assert(fn_end.q == "deep:q")

-- __index on a table inside the chain receives the intermediate table
local seen
local inner = setmetatable({}, {__index = function(t, k) seen = t; return k end})
local outer = setmetatable({}, {__index = inner})
assert(outer.z == "z" and seen == inner, "the function gets the table in whose metatable it sits")

-- memoising __index that stores computed values
local squares = setmetatable({}, {__index = function(t, n) local v = n * n; rawset(t, n, v); return v end})
assert(squares[12] == 144 and rawget(squares, 12) == 144)

-- __index on non-table values: strings use the string table
assert(("abc").len == string.len)

-- default values via __index
local defaults = setmetatable({}, {__index = function() return 0 end})
defaults.hits = defaults.hits + 1
defaults.hits = defaults.hits + 1
assert(defaults.hits == 2 and defaults.misses == 0)
print(leaf.greet, leaf.shared, proxy.abc, a, fn_end.q, outer.z, squares[12], defaults.hits, table.concat(calls, ","))
