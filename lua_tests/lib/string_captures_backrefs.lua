-- Captures: nested, position captures (), back-references %1..%9 and capture limits/errors
print(("hello world"):match("(h)(e)(l)(l)(o)"))
print(("key=value"):match("((%w+)=(%w+))"))
print(("abc"):match("()b()"))
print(("abc"):match("()"))
print(math.type(("abc"):match("()")))
print(("hello"):find("()ll()"))

-- position captures inside gmatch
local pos = {}
for p in ("a,b,,c"):gmatch("(),") do pos[#pos + 1] = p end
print(table.concat(pos, " "))

-- back-references
print(("say 'hi' or \"bye\""):match("(['\"])(.-)%1"))
print(("abcabc"):match("(abc)%1"))
print(("abab cdcd efeg"):gsub("(%a%a)%1", "<%1>"))
print(("aa bb cd"):gsub("(%a)%1", "double-%1"))
print(("x==y"):match("(=)%1"))

-- a back-reference to a position capture never matches in PUC Lua
print(pcall(string.match, "aa", "()%1"))

-- reference to a capture that is not closed or does not exist
print(pcall(string.match, "aa", "(a%1)"))
print(pcall(string.match, "aa", "(a)%2"))
print(pcall(string.match, "aa", "%0"))

-- match returns whole match when there are no captures
print(("  word  "):match("%a+"))

-- adjacent position captures and an empty capture
print(("abc"):match("a()()b"), ("abc"):match("b(x*)c") == "")

-- many captures (up to 32 are allowed)
local pat = string.rep("(.)", 32)
local s = string.rep("z", 32)
print(select('#', s:match(pat)))
print(pcall(string.match, s .. "z", string.rep("(.)", 33)))

-- unbalanced parentheses
print(pcall(string.match, "a", "a)"))
print(pcall(string.match, "a", "((a)"))

-- captures in string.find with init
print(("one=1 two=2"):find("(%a+)=(%d)", 6))
