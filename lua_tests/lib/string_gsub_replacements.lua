-- string.gsub: string replacements with %0..%9 and %%, table and function replacements, max count
print(("hello world"):gsub("(%w+) (%w+)", "%2 %1"))
print(("abc"):gsub("%w", "%0%0"))
print(("abc"):gsub("b", "[%0]"))
print(("50"):gsub("%d+", "%0%%"))
print(("x"):gsub("x", "%%1"))
print(("abc"):gsub("(a)(b)(c)", "%3%2%1%0"))
-- %1 with no captures means the whole match
print(("abc"):gsub("b", "<%1>"))
-- invalid % escapes in the replacement
print(pcall(string.gsub, "abc", "b", "%2"))
print(pcall(string.gsub, "abc", "b", "%x"))
print(pcall(string.gsub, "abc", "b", "%"))

-- table replacement: looked up by first capture (or whole match)
local vars = {name = "Lua", ver = 5.4, flag = false}
print(("$name $ver $flag $missing"):gsub("%$(%w+)", vars))
print(("a b c"):gsub("%a", {a = 1, b = false}))
print(pcall(string.gsub, "a", "a", {a = true}))
print(pcall(string.gsub, "a", "a", {a = {}}))

-- function replacement: receives all captures; nil/false keep original
print(("1 2 3"):gsub("%d", function(d) return d * 2 end))
print(("1 2 3"):gsub("%d", function(d) if d == "2" then return nil end return "x" end))
print(("k=v"):gsub("(%w)=(%w)", function(k, v) return v .. "=" .. k end))
print(("abc"):gsub("()", function(p) return p end))
print(pcall(string.gsub, "a", "a", function() return {} end))

-- max replacement count
print(("aaaa"):gsub("a", "b", 2))
print(("aaaa"):gsub("a", "b", 0))
print(("aaaa"):gsub("a", "b", -1))
print(("aaaa"):gsub("a", "b", 10))
print(("aaaa"):gsub("a", "b", 2.0))
print(pcall(string.gsub, "aaaa", "a", "b", 1.5))

-- count includes matches that kept their original text
local s, n = ("xyz"):gsub(".", function() return nil end)
print(s, n)

-- numbers as replacement strings
print(("a"):gsub("a", 7), ("a"):gsub("a", 1.5))

-- bad replacement type
print(pcall(string.gsub, "a", "a", true))

-- anchored and empty-pattern gsub
print(("hello"):gsub("", "."))
print(("hello"):gsub("^", ">"))
print(("hello"):gsub("$", "<"))
