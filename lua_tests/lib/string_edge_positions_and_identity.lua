-- string library corner cases: positions out of range, size limits, results that are the subject itself,
-- and format specifications that PUC rejects

-- string.byte: the end defaults to the start as given, so a start before the string selects nothing
print(select('#', string.byte("hi", -3)), string.byte("hi", -3))
print(select('#', string.byte("hi", -2)), string.byte("hi", -2))
print(string.byte("hello", -10, 2))
print(select('#', string.byte("", 1)))

-- gmatch with an init past the end: not even an empty match there
local n = 0
for _ in string.gmatch("11 21 31", "%w*", 10) do n = n + 1 end
print("past end", n)
n = 0
for _ in string.gmatch("11 21 31", "%w*", 9) do n = n + 1 end
print("at end", n)
n = 0
for _ in string.gmatch("abc", "", 100) do n = n + 1 end
print("far past end", n)

-- string.rep: a result of 2^31 bytes or more is an error, also when the separator makes it so
print(pcall(string.rep, "aa", 1 << 30))
print(pcall(string.rep, "a", 1 << 30, ","))
print(pcall(string.rep, "abc", 1 << 40, "de"))
print(#string.rep("ab", 3, ","))

-- gsub that changes nothing returns its subject itself (%p shows the same object)
local s = string.rep("x", 100)
local function same(a, b) return string.format("%p", a) == string.format("%p", b) end
local r, k = string.gsub(s, "y", "z")
print("no match", same(s, r), k)
r, k = string.gsub(s, ".", {y = "z"})
print("table without keys", same(s, r), k)
r, k = string.gsub(s, "x", function() return false end)
print("function keeps all", same(s, r), k)
r, k = string.gsub(s, "x", "x")
print("string repl", r == s, k)

-- equal short strings are one object
print(same(string.rep("a", 10), string.rep("aa", 5)))

-- format: %F is no conversion; an overlong specification is "too long"
print(pcall(string.format, "%F", 1.5))
print(pcall(string.format, "%" .. string.rep("0", 40) .. "d", 1))
print(pcall(string.format, "%1" .. string.rep("0", 40) .. ".3d", 1))
print(string.format("%5.2f|%-5d|%5s", 3.14159, 42, "ab"))
