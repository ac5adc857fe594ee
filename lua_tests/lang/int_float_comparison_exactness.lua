-- Comparisons between integers and floats are exact, even where a float cannot represent the integer.
local p53 = 2^53                 -- float 9007199254740992.0
local i53 = 9007199254740992     -- integer
assert(p53 == i53, "2^53 compares equal to its integer")
assert(i53 + 1 ~= p53 + 1, "float 2^53+1 rounds down, integer does not")
assert(p53 + 1 == p53, "float cannot represent 2^53+1")
assert(i53 + 1 > p53, "integer 2^53+1 is strictly greater than float 2^53")
assert(i53 + 1 > p53 + 1, "the comparison is exact, not via float conversion")
assert(not (i53 + 1 <= p53))
assert(i53 + 1 >= p53)

local maxi = math.maxinteger
assert(maxi < 2^63, "maxinteger is below 2^63 as a float")
assert(maxi + 0.0 == 2^63, "converting maxinteger to float rounds up")
assert(maxi ~= maxi + 0.0, "but maxinteger is not equal to that float")
assert(math.mininteger == -2^63, "mininteger is exactly -2^63")
assert(math.mininteger <= -2^63 and math.mininteger >= -2^63)
assert(not (maxi >= 2^63))

-- comparisons with non-integral floats
assert(1 < 1.5 and 2 > 1.5 and not (1 > 1.5))
assert(-1 > -1.5 and -2 < -1.5)
assert(3 <= 3.0 and 3 >= 3.0 and 3 == 3.0)

-- infinities and NaN
assert(maxi < math.huge and math.mininteger > -math.huge)
local nan = 0/0
assert(not (1 < nan) and not (1 > nan) and not (1 == nan) and 1 ~= nan)
assert(not (nan <= nan) and not (nan >= nan))

-- table keys: a float with integral value is the same key as the integer
local t = {}
t[i53] = "int"
assert(t[p53] == "int", "2^53 float normalises to integer key")
t[2^63] = "float key"
assert(t[maxi] == nil, "2^63 is not maxinteger as a key")

-- math.ult and sorting mixed numbers
assert(math.ult(1, -1), "unsigned compare: -1 is the biggest")
local mixed = {3, 2.5, -1, 2^53, i53 - 1, 0.0, -0.5}
table.sort(mixed)
local parts = {}
for i, v in ipairs(mixed) do parts[i] = tostring(v) end
print(table.concat(parts, " "))
print(i53 + 1 > p53, maxi < 2^63, maxi + 0.0 == 2^63, maxi == maxi + 0.0, p53 + 1 == p53)
print(math.mininteger == -2^63, 1 == 1.0, math.type(p53), math.type(i53))
