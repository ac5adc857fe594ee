-- string.find: init positions (positive, negative, past end), plain mode and special characters
local s = "one two one two"
print(s:find("one"))
print(s:find("one", 2))
print(s:find("one", -7))
print(s:find("two", -3))
print(s:find("one", 100))
print(s:find("", 100))
print(s:find("", #s + 1))
print(s:find("", #s + 2))
print(s:find("", -100))
print(s:find("one", 0))

-- plain find ignores magic characters
local p = "a.b*c+d?(e)[f]%g^$"
print(p:find(".", 1, true))
print(p:find("*", 1, true))
print(p:find("(e)", 1, true))
print(p:find("[f]", 1, true))
print(p:find("%g", 1, true))
print(p:find("^$", 1, true))

-- the same patterns without plain are interpreted
print(p:find("."), p:find("%."), p:find("%(e%)"))

-- plain needs init; any truthy fourth argument enables it
print(("x+y"):find("+", 1, 1))
print(("x+y"):find("+", nil, true))

-- captures are returned after the indices
print(("key = value"):find("(%w+)%s*=%s*(%w+)"))
print(("2024-01-15"):find("(%d+)-(%d+)-(%d+)"))

-- no match returns a single nil
print(select('#', ("abc"):find("z")))

-- empty pattern matches at init
print(("abc"):find(""))
print(("abc"):find("", 2))

-- anchored find only matches at init
print(("aaa"):find("^a", 2))
print(("baa"):find("^a"))

-- invalid patterns raise errors
print(pcall(string.find, "abc", "[a"))
print(pcall(string.find, "abc", "%"))
print(pcall(string.find, "abc", "(a"))
-- ')' is not a special character for find's plain-search shortcut, but match parses it
print(pcall(string.find, "abc", "a)"))
print(pcall(string.match, "abc", "a)"))
