-- __add, __sub, __mul, __div, __mod, __pow, __unm, __idiv on a vector type, with numbers on either side.
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
local function lift(a) if type(a) == "number" then return vec(a, a) end return a end
V.__add = function(a, b) a, b = lift(a), lift(b); return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) a, b = lift(a), lift(b); return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) a, b = lift(a), lift(b); return vec(a.x * b.x, a.y * b.y) end
V.__div = function(a, b) a, b = lift(a), lift(b); return vec(a.x / b.x, a.y / b.y) end
V.__mod = function(a, b) a, b = lift(a), lift(b); return vec(a.x % b.x, a.y % b.y) end
V.__pow = function(a, b) a, b = lift(a), lift(b); return vec(a.x ^ b.x, a.y ^ b.y) end
V.__idiv = function(a, b) a, b = lift(a), lift(b); return vec(a.x // b.x, a.y // b.y) end
V.__unm = function(a, b)
  assert(rawequal(a, b), "__unm gets the operand twice")
  return vec(-a.x, -a.y)
end
function V:str() return "(" .. tostring(self.x) .. "," .. tostring(self.y) .. ")" end

local p, q = vec(7, -7), vec(2, 3)
local results = {
  (p + q):str(), (p - q):str(), (p * q):str(), (p / q):str(), (p % q):str(),
  (q ^ 2):str(), (p // q):str(), (-p):str(),
  (1 + q):str(), (q + 1):str(), (10 - q):str(), (2 ^ q):str(), (-7 // q):str(),
}
print(table.concat(results, " "))
assert((p + q).x == 9 and (p % q).y == 2 and (p // q).y == -3)
assert((10 - q).x == 8, "left number operand")
assert((-p).x == -7)

-- the left operand's metamethod wins if both have one
local A = setmetatable({}, {__add = function() return "A" end})
local B = setmetatable({}, {__add = function() return "B" end})
assert(A + B == "A" and B + A == "B")
-- if only the right operand has one, it is used (with operands in original order)
local order
local R = setmetatable({}, {__sub = function(x, y) order = {x, y}; return "R" end})
assert(5 - R == "R" and order[1] == 5 and order[2] == R)

-- a non-numeric string operand: the string's own __add defers to the table's metamethod
local S = setmetatable({}, {__add = function(x, y) return "S:" .. tostring(type(x)) .. type(y) end})
assert("abc" + S == "S:stringtable", "a non-numeric string falls through to the table's __add")

-- results can be any value, including multiple values truncated to one
local M = setmetatable({}, {__mul = function() return 1, 2 end})
local r1, r2 = M * M
assert(r1 == 1 and r2 == nil)

-- missing metamethod error names the operand
local ok, err = pcall(function() local plain = {}; return plain * 2 end)
assert(not ok and string.find(err, "attempt to perform arithmetic on a table value (local 'plain')", 1, true), err)
print(A + B, B + A, 5 - R, "abc" + S, r1, r2)
