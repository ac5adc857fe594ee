-- Integer arithmetic wraps around modulo 2^64 while float arithmetic does not.
local maxi, mini = math.maxinteger, math.mininteger
assert(maxi == 9223372036854775807)
assert(mini == -9223372036854775808)
assert(math.type(mini) == "integer", "the literal with a minus folds to an integer")

assert(maxi + 1 == mini, "add wraps")
assert(mini - 1 == maxi, "sub wraps")
assert(maxi * 2 == -2, "mul wraps")
assert(mini * -1 == mini, "negating mininteger by multiplication wraps")
assert(-mini == mini, "unary minus on mininteger wraps")
assert(mini // -1 == mini, "floor division of mininteger by -1 wraps")
assert(mini % -1 == 0, "mininteger % -1 is 0")

-- float versions never wrap
local f = maxi + 1.0
assert(math.type(f) == "float" and f == 2^63, "float addition does not wrap")
assert(f > maxi, "2^63 is bigger than maxinteger")
assert(-(mini + 0.0) == 2^63)

-- multiplication of larger values keeps the low 64 bits
local a = 0x100000000
assert(a * a == 0, "2^32 * 2^32 wraps to 0")
assert((a + 1) * (a + 1) == 2 * a + 1, "only the low 64 bits remain")

-- hex literals wrap too
assert(0xffffffffffffffff == -1, "hex literal wraps to -1")
assert(0x7fffffffffffffff == maxi)
assert(0x10000000000000000 == 0, "too-big hex literal wraps")

-- decimal literals that do not fit become floats
local big = 9223372036854775808
assert(math.type(big) == "float", "an oversized decimal literal is a float")
assert(big == 2^63)

local results = {}
for i = 0, 3 do results[#results + 1] = maxi - 1 + i end
print(table.concat(results, " "))
print(maxi + 1, mini - 1, maxi * 3, -mini, mini // -1)
print(math.type(maxi + 1), math.type(maxi + 1.0), big)
