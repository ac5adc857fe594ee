-- Strings index the string table through their shared metatable; extending string adds methods to all strings.
local s = "Hello, World"
assert(s:len() == 12 and s:lower() == "hello, world")
assert(s:find("World") == 8)
assert(s:byte(1) == 72 and s:sub(-5) == "World")
assert(("%s=%d"):format("k", 3) == "k=3")

-- the metatable and its __index
local mt = getmetatable("")
assert(mt.__index == string)
assert(rawequal(getmetatable("a"), getmetatable(s)))

-- adding to the string table is visible through method syntax
function string.shout(str) return str:upper() .. "!" end
assert(s:shout() == "HELLO, WORLD!")
assert(("x"):shout() == "X!")
string.shout = nil
local ok, err = pcall(function() return s:shout() end)
assert(not ok and string.find(err, "attempt to call a nil value (method 'shout')", 1, true), err)

-- indexing a string with a number or unknown name gives nil, not an error
assert(s[1] == nil and s.nothing == nil)

-- numbers do not have methods
ok, err = pcall(function() local n = 5; return n:len() end)
assert(not ok and string.find(err, "attempt to index a number value (local 'n')", 1, true), err)

-- string arithmetic metamethods exist in 5.4 (they convert numeric strings)
assert(type(mt.__add) == "function" and type(mt.__unm) == "function")
assert(mt.__band == nil, "there are no bitwise string metamethods")
assert("10" + 1 == 11 and "3" * "4" == 12 and -"2" == -2)

-- method calls on a string returned by a function
local function name() return "lua" end
assert(name():upper() == "LUA" and name():rep(2, "-") == "lua-lua")

-- gsub/gmatch through methods
local count = select(2, ("a,b,,c"):gsub(",", ";"))
assert(count == 3)
local parts = {}
for w in ("k1=v1;k2=v2"):gmatch("(%w+)=(%w+)") do parts[#parts + 1] = w end
assert(table.concat(parts, ",") == "k1,k2")

-- replacing the __index of the string metatable changes method lookup (restored afterwards)
local saved = mt.__index
mt.__index = function(str, k) if k == "size" then return function(x) return #x end end return saved[k] end
assert(("abcd"):size() == 4 and ("abcd"):upper() == "ABCD")
mt.__index = saved
assert(("abcd").size == nil)
print(s:len(), s:lower(), ("x"):rep(3, ","), name():upper(), count, table.concat(parts, ","), -"2", "10" + 1)
