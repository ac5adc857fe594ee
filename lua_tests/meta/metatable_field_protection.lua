-- __metatable makes getmetatable return a decoy and setmetatable fail; type checks of setmetatable arguments.
local real = {__index = {secret = 1}, __metatable = "locked"}
local obj = setmetatable({}, real)
assert(getmetatable(obj) == "locked", "getmetatable returns the __metatable field")
assert(obj.secret == 1, "the real metatable still works")

local ok, err = pcall(setmetatable, obj, {})
assert(not ok and string.find(err, "cannot change a protected metatable", 1, true), err)
ok, err = pcall(setmetatable, obj, nil)
assert(not ok and string.find(err, "cannot change a protected metatable", 1, true), err)

-- the decoy can be any value, including false and a table
local f = setmetatable({}, {__metatable = false})
assert(getmetatable(f) == false)
ok = pcall(setmetatable, f, {})
assert(not ok, "even a false __metatable protects")
local decoy = {}
local g = setmetatable({}, {__metatable = decoy})
assert(getmetatable(g) == decoy)

-- debug.getmetatable sees through the protection
assert(debug.getmetatable(obj) == real)

-- removing a metatable and setmetatable returning its first argument
local plain = {}
assert(setmetatable(plain, {__index = {a = 1}}) == plain)
assert(plain.a == 1)
setmetatable(plain, nil)
assert(plain.a == nil and getmetatable(plain) == nil)

-- argument type errors
ok, err = pcall(setmetatable, 1, {})
assert(not ok and string.find(err, "bad argument #1 to 'setmetatable' (table expected, got number)", 1, true), err)
ok, err = pcall(setmetatable, {}, 1)
assert(not ok and string.find(err, "bad argument #2 to 'setmetatable' (nil or table expected, got number)", 1, true), err)

-- all strings share one unprotected metatable whose __index is the string table
local smt = getmetatable("")
assert(type(smt) == "table" and smt.__index == string)
assert(getmetatable("abc") == getmetatable("xyz"))

-- numbers, booleans, nil have no metatable by default
assert(getmetatable(1) == nil and getmetatable(true) == nil and getmetatable(nil) == nil)

-- changing the metatable's fields after setmetatable takes effect
local mt = {}
local live = setmetatable({}, mt)
assert(live.x == nil)
mt.__index = function() return "late" end
assert(live.x == "late")

-- __metatable itself is looked up raw
local viaidx = setmetatable({}, setmetatable({}, {__index = {__metatable = "hidden"}}))
assert(type(getmetatable(viaidx)) == "table", "__metatable from __index is ignored")
print(getmetatable(obj), getmetatable(f), getmetatable(g) == decoy, debug.getmetatable(obj) == real, live.x)
