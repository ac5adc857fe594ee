-- __eq is only tried for two tables (or two userdata) that are not primitively equal; its result becomes a boolean.
local calls = 0
local Eq = {__eq = function(a, b) calls = calls + 1; return a.id == b.id end}
local a = setmetatable({id = 1}, Eq)
local b = setmetatable({id = 1}, Eq)
local c = setmetatable({id = 2}, Eq)
assert(a == b and calls == 1)
assert(a ~= c and calls == 2, "~= is 'not __eq'")
assert(not (a ~= b))

-- identical references never call __eq
calls = 0
assert(a == a and calls == 0)

-- rawequal bypasses __eq
assert(not rawequal(a, b) and rawequal(a, a))
assert(calls == 0)

-- different types are never equal and never call __eq
assert(a ~= 1 and a ~= "a" and a ~= nil and a ~= true)
assert(calls == 0)

-- only one operand needs the metamethod (the first one found is used)
local plain = {id = 1}
assert(a == plain and calls == 1, "left operand's __eq")
assert(plain == a and calls == 2, "right operand's __eq when the left has none")

-- results are converted to booleans
local truthy = setmetatable({}, {__eq = function() return "yes" end})
local other = setmetatable({}, {})
local r = (truthy == other)
assert(r == true and type(r) == "boolean")
local falsy = setmetatable({}, {__eq = function() return nil end})
r = (falsy == other)
assert(r == false and type(r) == "boolean")

-- table keys use raw equality: equal-by-__eq tables are distinct keys
local set = {}
set[a] = "a"; set[b] = "b"
assert(set[a] == "a" and set[b] == "b")

-- functions, strings, numbers ignore metatables for ==
assert(1 == 1.0 and "x" == "x")

-- __eq errors propagate
local bad = setmetatable({}, {__eq = function() error("cannot compare these") end})
local ok, err = pcall(function() return bad == {} end)
assert(not ok and string.find(err, "cannot compare these", 1, true), err)

-- __eq is not used for <, <=
ok, err = pcall(function() return a < b end)
assert(not ok and string.find(err, "attempt to compare two table values", 1, true), err)

-- different metatables with different __eq: left one is used
local L = setmetatable({}, {__eq = function() return true end})
local R = setmetatable({}, {__eq = function() return false end})
assert((L == R) == true and (R == L) == false)
print(a == b, a ~= c, a == a, rawequal(a, b), a == 1, truthy == other, falsy == other, L == R, R == L)
