-- Errors around __tostring/__name: raising inside __tostring, returning a non-string, and print/concat interplay.
local function strip(m) return (tostring(m):gsub("^[^:]+:%d+: ", "")) end

local bad = setmetatable({}, {__tostring = function() error("tostring exploded") end})
local ok, m = pcall(tostring, bad)
print(ok, strip(m))
assert(strip(m) == "tostring exploded")

-- print goes through __tostring too, so the error surfaces from print
ok, m = pcall(print, bad)
print(ok, strip(m))

-- __tostring returning a number is accepted (numbers count as strings here); a table is not
local numres = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, numres))
local nonstr = setmetatable({}, {__tostring = function() return {} end})
ok, m = pcall(tostring, nonstr)
print(ok, m)
assert(m == "'__tostring' must return a string")

local retnil = setmetatable({}, {__tostring = function() return nil end})
ok, m = pcall(tostring, retnil)
print(ok, m)

-- a well-behaved __tostring
local good = setmetatable({v = 3}, {__tostring = function(s) return "good<" .. s.v .. ">" end})
print(tostring(good))

-- __tostring is not consulted by the concatenation operator
ok, m = pcall(function() return "x" .. good end)
print(ok, strip(m))

-- string.format %s uses __tostring, and propagates its errors
print(string.format("[%s]", good))
ok, m = pcall(string.format, "%s", bad)
print(ok, strip(m))

-- __name is used in messages for values with a metatable
local named = setmetatable({}, {__name = "MyType"})
ok, m = pcall(function() return named + 1 end)
print(ok, strip(m))
ok, m = pcall(string.rep, named, 2)
print(ok, m)
print((tostring(named):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))

-- error() with a __tostring table: pcall returns the table, tostring shows the text
local E = setmetatable({}, {__tostring = function() return "E!" end})
ok, m = pcall(error, E)
print(ok, m == E, tostring(m))
