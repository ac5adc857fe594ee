-- Float keys with an exact integer value index the same slot as the integer; others stay distinct.
local t = {}
t[1.0] = "one"
assert(t[1] == "one", "t[1.0] and t[1] are the same slot")
t[2] = "two"
assert(t[2.0] == "two")
assert(#t == 2)

-- the key is stored as an integer: next() returns integer keys
local k = next({[3.0] = true})
assert(math.type(k) == "integer", "float key is converted on insertion")

-- 2^53 as float and integer are the same key
local big = {}
big[2^53] = "float"
assert(big[9007199254740992] == "float")
big[9007199254740993] = "int+1"
assert(big[2^53] == "float", "2^53+1 integer is a different key")

-- non-integral floats are separate keys
local f = {}
f[1.5] = "a"; f[1] = "b"; f[2] = "c"
assert(f[1.5] == "a" and f[1] == "b" and f[2] == "c")

-- -0.0 and 0.0 are the integer key 0
local z = {}
z[-0.0] = "negzero"
assert(z[0] == "negzero" and z[0.0] == "negzero")
assert(math.type(next(z)) == "integer")

-- keys from arithmetic results normalise too
local r = {}
r[10 / 2] = "five"
assert(r[5] == "five")
r[2^3] = "eight"
assert(r[8] == "eight")

-- huge floats outside the integer range stay floats
local h = {}
h[2^63] = "huge"
assert(h[2^63] == "huge" and h[math.maxinteger] == nil and h[math.mininteger] == nil)
assert(math.type(next(h)) == "float")
h = {}
h[-2^63] = "min"
assert(h[math.mininteger] == "min", "-2^63 is exactly mininteger")

-- inf is a valid key, nan is not
local inf = {}
inf[math.huge] = 1
assert(inf[1/0] == 1)
local ok, err = pcall(function() local x = {}; x[0/0] = 1 end)
assert(not ok and string.find(err, "index is NaN", 1, true), err)
assert(({})[0/0] == nil, "reading with a NaN key is fine")

-- string keys are never numbers
local s = {}
s["1"] = "str"; s[1] = "num"
assert(s["1"] == "str" and s[1] == "num")
print(t[1], t[2.0], big[2^53], big[9007199254740993], f[1.5], z[0], r[5], h[math.mininteger], s["1"], s[1])
