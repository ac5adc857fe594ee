-- tostring/print use __tostring (which must return a string) and __name for the type prefix; string.format %s too.
local Point = {}
Point.__tostring = function(p) return "Point(" .. p.x .. ", " .. p.y .. ")" end
local p = setmetatable({x = 1, y = 2}, Point)
assert(tostring(p) == "Point(1, 2)")
print(p)
print("prefix", p, "suffix")
assert(string.format("%s!", p) == "Point(1, 2)!", "%s uses __tostring")

-- __tostring returning a number is converted; returning a table is an error
local numeric = setmetatable({}, {__tostring = function() return 42 end})
assert(tostring(numeric) == "42" and math.type(tostring(numeric)) == nil)
local bad = setmetatable({}, {__tostring = function() return {} end})
local ok, err = pcall(tostring, bad)
assert(not ok and string.find(err, "'__tostring' must return a string", 1, true), err)

-- __tostring errors propagate
local boom = setmetatable({}, {__tostring = function() error("no text") end})
ok, err = pcall(tostring, boom)
assert(not ok and string.find(err, "no text", 1, true), err)

-- __name replaces the "table" prefix (address is not printed here)
local named = setmetatable({}, {__name = "MyType"})
local s = tostring(named)
assert(string.find(s, "^MyType: ") ~= nil, s)
assert(type(named) == "table", "type() ignores __name")

-- __name that is not a string is ignored
local odd = setmetatable({}, {__name = 123})
assert(string.find(tostring(odd), "^table: ") ~= nil)

-- __tostring wins over __name
local both = setmetatable({}, {__name = "Ignored", __tostring = function() return "custom" end})
assert(tostring(both) == "custom")

-- __tostring is looked up in the metatable itself, not via its __index
local indirect = setmetatable({}, setmetatable({}, {__index = {__tostring = function() return "via index" end}}))
assert(string.find(tostring(indirect), "^table: ") ~= nil)

-- table.concat does not use __tostring
ok, err = pcall(table.concat, {p})
assert(not ok and string.find(err, "invalid value (table) at index 1 in table for 'concat'", 1, true), err)

-- tostring on basic values
assert(tostring(nil) == "nil" and tostring(true) == "true" and tostring(12) == "12")

-- error() with a table that has __tostring: the message can be obtained with tostring
local E = {__tostring = function(e) return "E:" .. e.code end}
ok, err = pcall(error, setmetatable({code = 7}, E))
assert(not ok and tostring(err) == "E:7")
print(tostring(both), tostring(err), (tostring(named):gsub(":.*", "")), string.format("%s|%s", p, both))
