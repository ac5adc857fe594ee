-- String methods through the string metatable: ("x"):rep(3), chained calls, and what is not a method
print(("x"):rep(3), ("abc"):len(), ("abc"):upper(), ("%d-%s"):format(7, "z"))
local s = "Hello"
print(s:lower(), s:byte(1), s:sub(2, 3), s:find("l"), s:match("H(.)"))
print(s:rep(2, " "):upper():reverse())
print(("a,b,c"):gsub(",", ";"))

-- indexing a string with a method name yields the library function
print(s.upper == string.upper, ("").len == string.len, s.nonexistent)

-- numeric indexing of strings yields nil (no character access)
print(s[1], s[0], ("abc")["len"] ~= nil)

-- methods added to the string table become available on all strings
function string.shout(str) return str:upper() .. "!" end
print(("hey"):shout())
string.shout = nil
print(pcall(function() return ("hey"):shout() end))

-- numbers do not have string methods
print(pcall(function() local n = 5 return n:rep(2) end))

-- but string functions accept numbers as arguments
print(string.rep(5, 2), string.len(123), string.upper(1.5))

-- the metatable's __index is the string table itself
local mt = getmetatable("")
print(mt.__index == string, type(mt))

-- concatenation of method results
local parts = {}
for word in ("one two three"):gmatch("%a+") do parts[#parts + 1] = word:sub(1, 1):upper() .. word:sub(2) end
print(table.concat(parts, " "))

-- long chains
print(("  padded  "):gsub("^%s+", ""):gsub("%s+$", ""):len())
print(((" padded "):gsub("^%s+", "")))

-- method on a literal requires parentheses; on a variable it does not
local lit = ("lit"):upper()
local var = "var"
print(lit, var:upper(), #var:rep(4))
