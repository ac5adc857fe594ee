-- __concat is called when either operand is not a string/number; operand order and chains of .. are kept.
local Path = {}
Path.__index = Path
local function path(s) return setmetatable({s = s}, Path) end
local function raw(v) if getmetatable(v) == Path then return v.s end return tostring(v) end
Path.__concat = function(a, b) return path(raw(a) .. "/" .. raw(b)) end

local p = path("usr") .. path("local")
assert(p.s == "usr/local")
assert((path("a") .. "b").s == "a/b", "table on the left")
assert(("a" .. path("b")).s == "a/b", "table on the right")
assert((path("x") .. 1).s == "x/1", "number on the right")
assert((2 .. path("y")).s == "2/y", "number on the left")

-- right associativity: a .. b .. c is a .. (b .. c)
local order = {}
local T = {}
T.__concat = function(a, b)
  order[#order + 1] = raw(a) .. "+" .. raw(b)
  return setmetatable({s = "(" .. raw(a) .. raw(b) .. ")"}, T)
end
function T.__tostring(t) return t.s end
local function tv(s) return setmetatable({s = s}, T) end
raw = function(v) if type(v) == "table" then return v.s end return tostring(v) end
local r = tv("A") .. tv("B") .. tv("C")
assert(order[1] == "B+C" and order[2] == "A+(BC)", table.concat(order, ","))
assert(r.s == "(A(BC))")

-- a mixed chain is also evaluated from the right, one metamethod call per pair
order = {}
local r2 = "x" .. "y" .. tv("Z")
assert(order[1] == "y+Z", table.concat(order, ","))
assert(#order == 2 and r2.s == "(x(yZ))")

-- __concat may return a non-table value
local Str = setmetatable({}, {__concat = function(a, b) return "joined" end})
assert(Str .. "q" == "joined" and "q" .. Str == "joined")

-- booleans and nil cannot be concatenated without a metamethod
local ok, err = pcall(function() return "a" .. true end)
assert(not ok and string.find(err, "attempt to concatenate a boolean value", 1, true), err)
ok, err = pcall(function() local n; return n .. "a" end)
assert(not ok and string.find(err, "attempt to concatenate a nil value (local 'n')", 1, true), err)
ok, err = pcall(function() return {} .. "a" end)
assert(not ok and string.find(err, "attempt to concatenate a table value", 1, true), err)

-- a metamethod on a boolean-side partner is still found on the table
local B = setmetatable({}, {__concat = function(a, b) return type(a) .. ".." .. type(b) end})
assert(true .. B == "boolean..table" and B .. nil == "table..nil")

-- numbers concatenate with their tostring form
assert(1.0 .. "" == "1.0" and -0.0 .. "" == "-0.0" and 10 // 3 .. "" == "3")
print(p.s, (path("x") .. 1).s, (2 .. path("y")).s, r.s, r2.s, Str .. "q", true .. B, B .. nil)
