-- Operator precedence and associativity: unary vs ^, not vs ==, right-assoc .. and ^, comparison grouping.
assert(-2 ^ 2 == -4, "^ binds tighter than unary minus")
assert((-2) ^ 2 == 4)
assert(2 ^ 3 ^ 2 == 512, "^ is right associative")
assert((2 ^ 3) ^ 2 == 64)
assert(2 ^ -1 == 0.5, "unary minus in the exponent")
assert(- - 3 == 3 and not not nil == false)

-- not binds tighter than ==
local a, b = 1, 2
assert((not a == b) == false, "(not a) == b: false == 2 is false")
assert(not (a == b) == true)
assert(not nil == true)

-- .. is right associative and binds looser than arithmetic
assert("a" .. "b" .. "c" == "abc")
assert(1 .. 2 == "12")
assert("x" .. 1 + 2 == "x3", "+ before ..")
assert("n" .. 2 ^ 2 == "n4.0")

-- comparison is looser than .., and cannot be chained meaningfully
assert("a" .. "b" == "ab")
local ok = pcall(function() return 1 < 2 < 3 end)
assert(not ok, "(1 < 2) < 3 compares a boolean with a number")
assert((1 < 2) == true)

-- and binds tighter than or
assert((true or false and false) == true)
assert((nil and 1 or 2) == 2)
assert((false or nil) == nil)
assert((1 and nil) == nil)

-- arithmetic precedence
assert(2 + 3 * 4 == 14 and (2 + 3) * 4 == 20)
assert(10 - 4 - 3 == 3, "- is left associative")
assert(2 * 3 % 4 == 2, "* and % have the same level, left to right")
assert(7 // 2 * 2 == 6)
assert(-3 % 5 == 2, "unary minus applies before %")
assert(#"abc" + 1 == 4, "# is unary, binds tighter than +")
assert(-#"ab" == -2)

-- comparisons and logic mixed
local x = 5
assert(x > 3 and x < 10 or false)
assert((x == 5) == true and x ~= 6)

-- unary operators stack
assert(~~5 == 5 and - -5 == 5 and not not true)
assert(-x ^ 2 == -25)

-- comparison binds looser than the bitwise operators
assert(1 | 2 == 3)
assert((1 < 2) == true)
local results = {-2 ^ 2, 2 ^ 3 ^ 2, 2 + 3 * 4, 10 - 4 - 3, 7 // 2 * 2, -3 % 5, 1 .. 2, "x" .. 1 + 2}
for i, v in ipairs(results) do results[i] = tostring(v) end
print(table.concat(results, " "))
print(not a == b, not nil == true, nil and 1 or 2, false or nil, 1 and nil)
