-- %b balanced matches and %f frontier patterns
print(("f(a(b)c) g(d)"):match("%b()"))
for m in ("f(a(b)c) g(d)"):gmatch("%b()") do print(m) end
print(("[[x]] [y]"):gsub("%b[]", "B"))
print(("<<a>b>"):match("%b<>"))
print(("no close (here"):match("%b()"))
print(("x)y(z"):match("%b()"))
print(("'quoted' text 'more'"):gsub("%b''", "Q"))
print(("{a{b}{c{d}}}"):match("^%b{}$"))

-- %b with identical open/close chars
print(("|a|b|c|"):gsub("%b||", "#"))

-- nested function calls
local expr = "max(1, min(2, 3)) + abs(-4)"
local calls = {}
for name, args in expr:gmatch("(%a+)(%b())") do calls[#calls + 1] = name .. args end
print(table.concat(calls, " ; "))

-- %b requires two characters
print(pcall(string.match, "abc", "%b"))
print(pcall(string.match, "abc", "%ba"))

-- frontier: whole words
print(("THE (quick) fox"):gsub("%f[%a]%a+", "W"))
print(("the theme then the"):gsub("%f[%w]the%f[%W]", "X"))

-- frontier at string start and end (treated as \0)
print(("abc"):find("%f[%a]"), ("abc"):find("%f[%A]"))
print(("hello world"):gsub("%f[%l]", "^"))
print(("hello world"):gsub("%f[%L]", "$"))

-- frontier for digit runs
local nums = {}
for n in ("a1 b22 c333"):gmatch("%f[%d]%d+") do nums[#nums + 1] = n end
print(table.concat(nums, ","))

-- frontier with a set of punctuation
print(("x,y;z"):gsub("%f[,;]", "|"))

-- missing '[' after %f
print(pcall(string.find, "abc", "%fa"))
