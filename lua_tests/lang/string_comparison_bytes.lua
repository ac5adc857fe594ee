-- String ordering compares bytes lexicographically; prefixes sort first; mixed types cannot be compared.
assert("a" < "b" and "abc" < "abd" and "Z" < "a", "byte order, uppercase before lowercase")
assert("" < "a" and "a" < "aa", "a prefix is smaller")
assert("abc" <= "abc" and "abc" >= "abc")
assert(not ("b" < "a") and "b" > "a")
assert("10" < "9", "numeric-looking strings compare as strings")
assert("\0" < "\1" and "a\0" > "a", "embedded NUL counts as a byte")
assert("a\0b" < "a\0c")
assert("\xff" > "\x7f", "bytes compare as unsigned")
assert("é" > "z", "UTF-8 multibyte > ASCII")

-- sort a list of words
local words = {"pear", "Apple", "apple", "banana", "", "10", "9", "a b"}
table.sort(words)
print(table.concat(words, ","))
assert(words[1] == "" and words[2] == "10")

-- sort descending with a comparator
table.sort(words, function(x, y) return x > y end)
print(table.concat(words, ","))

-- equality is by content
local s1 = "hel" .. "lo"
local s2 = string.format("%s", "hello")
assert(s1 == s2 and rawequal(s1, s2))

-- comparing a string and a number errors
local ok, err = pcall(function() return "1" < 2 end)
assert(not ok and string.find(err, "attempt to compare string with number", 1, true), err)
ok, err = pcall(function() return 2 <= "1" end)
assert(not ok and string.find(err, "attempt to compare number with string", 1, true), err)
ok, err = pcall(function() return {} < {} end)
assert(not ok and string.find(err, "attempt to compare two table values", 1, true), err)
ok, err = pcall(function() return nil > 1 end)
assert(not ok and string.find(err, "attempt to compare number with nil", 1, true), err)

-- equality never errors, even across types
assert(("1" == 1) == false and (nil == false) == false)

-- long strings with shared prefixes
local base = string.rep("x", 1000)
assert(base .. "a" < base .. "b")
assert(base < base .. "\0")
local results = {}
for _, pair in ipairs({{"a", "b"}, {"b", "a"}, {"ab", "a"}, {"", ""}, {"A", "a"}}) do
  results[#results + 1] = tostring(pair[1] < pair[2]) .. "/" .. tostring(pair[1] <= pair[2])
end
print(table.concat(results, " "))
