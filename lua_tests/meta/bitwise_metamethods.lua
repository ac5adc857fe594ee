-- __band, __bor, __bxor, __shl, __shr, __bnot on a bitset type; number operands on either side; fallback errors.
local Bits = {}
local function bits(v) return setmetatable({v = v}, Bits) end
local function val(a) if type(a) == "table" then return a.v end return a end
Bits.__band = function(a, b) return bits(val(a) & val(b)) end
Bits.__bor = function(a, b) return bits(val(a) | val(b)) end
Bits.__bxor = function(a, b) return bits(val(a) ~ val(b)) end
Bits.__shl = function(a, b) return bits(val(a) << val(b)) end
Bits.__shr = function(a, b) return bits(val(a) >> val(b)) end
Bits.__bnot = function(a, b)
  assert(rawequal(a, b), "__bnot receives its operand twice")
  return bits(~val(a))
end

local x, y = bits(0xC), bits(0xA)
assert((x & y).v == 0x8)
assert((x | y).v == 0xE)
assert((x ~ y).v == 0x6)
assert((x << 2).v == 0x30)
assert((x >> 2).v == 0x3)
assert((~x).v == -13)
assert((1 << x).v == 4096, "number on the left")
assert((0xFF & x).v == 0xC)
assert((3 ~ bits(1)).v == 2)

-- floats with non-integral values: the metamethod is tried first
local seen
local F = setmetatable({}, {__bor = function(a, b) seen = {a, b}; return "called" end})
assert((1.5 | F) == "called" and seen[1] == 1.5)

-- a plain number op with a non-integral float errors without metamethods
local ok, err = pcall(function() return 1.5 | 2 end)
assert(not ok and string.find(err, "number has no integer representation", 1, true), err)

-- a table without bitwise metamethods
ok, err = pcall(function() local t = {}; return t << 1 end)
assert(not ok and string.find(err, "attempt to perform bitwise operation on a table value (local 't')", 1, true), err)

-- a table with only __band cannot be used with |
local onlyband = setmetatable({}, {__band = function() return 0 end})
assert((onlyband & 1) == 0)
ok, err = pcall(function() return onlyband | 1 end)
assert(not ok and string.find(err, "attempt to perform bitwise operation on a table value", 1, true), err)

-- arithmetic metamethods do not stand in for bitwise ones
local arith = setmetatable({}, {__add = function() return 1 end})
ok = pcall(function() return arith ~ 1 end)
assert(not ok)

-- string operands: the table's metamethod is used
local Sx = setmetatable({}, {__shl = function(a, b) return type(a) .. "<<" .. type(b) end})
assert(("8" << Sx) == "string<<table")
print((x & y).v, (x | y).v, (x ~ y).v, (x << 2).v, (x >> 2).v, (~x).v, (1 << x).v, 1.5 | F, "8" << Sx)
