-- The # operator on strings and on proper sequences (no holes), as tables grow and shrink.
assert(#"" == 0 and #"abc" == 3 and #"a\0b" == 3, "string length counts bytes, including NUL")
assert(#"\u{20AC}" == 3, "UTF-8 euro sign is three bytes")

local t = {}
assert(#t == 0)
for i = 1, 100 do t[i] = i end
assert(#t == 100)
for i = 100, 51, -1 do t[i] = nil end
assert(#t == 50, "shrinking from the end")
t[#t + 1] = "appended"
assert(#t == 51 and t[51] == "appended")

-- table.insert / table.remove maintain the sequence
local s = {"a", "b", "c"}
table.insert(s, "d")
table.insert(s, 1, "z")
assert(#s == 5 and s[1] == "z" and s[5] == "d")
assert(table.remove(s, 1) == "z" and #s == 4)
assert(table.remove(s) == "d" and #s == 3)

-- keys that are not positive integers do not count
local m = {1, 2, 3, x = 10, [0] = 0, [-1] = -1, [1.5] = "f"}
assert(#m == 3)

-- float keys with integral value are integer keys, so they count
local f = {}
f[1.0] = "a"; f[2.0] = "b"; f[3] = "c"
assert(#f == 3)

-- string keys that look like numbers do not count
local sk = {}
sk["1"] = "a"; sk["2"] = "b"
assert(#sk == 0)

-- constructed with nil at the end only
local tail = {1, 2, 3, nil}
assert(#tail == 3)

-- length of a sequence built with table.move and table.pack
local moved = table.move({1, 2, 3}, 1, 3, 2, {})
assert(moved[1] == nil and moved[4] == 3)
local packed = table.pack("x", "y")
assert(#packed == 2 and packed.n == 2)

-- #"..." on concatenations and long strings
local long = string.rep("ab", 1000)
assert(#long == 2000 and #(long .. long) == 4000)
local ls = [[
line1
line2]]
assert(#ls == 11, "the first newline of a long string is skipped")

-- # on non-table/non-string values is an error
local ok, err = pcall(function() return #5 end)
assert(not ok and string.find(err, "attempt to get length of a number value", 1, true), err)
ok, err = pcall(function() local b = true; return #b end)
assert(not ok and string.find(err, "attempt to get length of a boolean value (local 'b')", 1, true), err)
print(#t, #s, #m, #f, #sk, #tail, #packed, #long, #ls, #"\u{20AC}")
