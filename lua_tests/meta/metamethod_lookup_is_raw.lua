-- Metamethods are read raw from the metatable (not through the metatable's own __index) and changes are live.
local fallback = {__add = function() return "from fallback" end, __tostring = function() return "fb" end}
local mt = setmetatable({}, {__index = fallback})
local obj = setmetatable({}, mt)
assert(mt.__add ~= nil, "normal indexing of mt finds __add")
local ok, err = pcall(function() return obj + 1 end)
assert(not ok and string.find(err, "attempt to perform arithmetic on a table value", 1, true), err)

-- adding a metamethod later takes effect immediately
mt.__add = function(a, b) return "live" end
assert(obj + 1 == "live")
mt.__add = nil
assert(not pcall(function() return obj + 1 end))

-- replacing __index at run time
mt.__index = {x = "first"}
assert(obj.x == "first")
mt.__index = {x = "second"}
assert(obj.x == "second")

-- sharing one metatable among many objects
local shared = {__len = function() return 7 end}
local o1, o2 = setmetatable({}, shared), setmetatable({}, shared)
assert(#o1 == 7 and #o2 == 7)
shared.__len = function() return 8 end
assert(#o1 == 8 and #o2 == 8)

-- a metatable can be its own metatable; __index pointing to itself
local self_mt = {}
self_mt.__index = self_mt
self_mt.greeting = "hi"
local inst = setmetatable({}, self_mt)
assert(inst.greeting == "hi")

-- an __index loop is detected
local loop1, loop2 = {}, {}
setmetatable(loop1, {__index = loop2})
setmetatable(loop2, {__index = loop1})
ok, err = pcall(function() return loop1.missing end)
assert(not ok and string.find(err, "'__index' chain too long; possible loop", 1, true), err)

-- same for __newindex
local n1, n2 = {}, {}
setmetatable(n1, {__newindex = n2})
setmetatable(n2, {__newindex = n1})
ok, err = pcall(function() n1.k = 1 end)
assert(not ok and string.find(err, "'__newindex' chain too long; possible loop", 1, true), err)

-- an __index that is a callable table is still indexed, not called
local callable = setmetatable({}, {__call = function() return "called" end})
local via = setmetatable({}, {__index = callable})
assert(via.anything == nil, "a table __index is indexed, never called")

-- metatables with __gc/__mode/__name fields set and unused are harmless
local misc = setmetatable({v = 1}, {__name = "Misc", __mode = "k", __gc = true})
assert(misc.v == 1)
print(obj.x, #o1, inst.greeting, via.anything, misc.v, (string.gsub(err, "^.-:%d+: ", "")))
