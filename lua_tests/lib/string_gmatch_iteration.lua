-- string.gmatch: captures, anchors, init argument (5.4), empty matches and iterator reuse
local words = {}
for w in ("The quick  brown fox"):gmatch("%a+") do words[#words + 1] = w end
print(#words, table.concat(words, "|"))

-- multiple captures per iteration
for k, v in ("a=1;b=22;c=333"):gmatch("(%w+)=(%w+)") do io.write(k, "->", v, " ") end
print()

-- position captures
for s, e in ("aXbXc"):gmatch("()X()") do io.write(s, ",", e, " ") end
print()

-- '^' is no anchor in gmatch: it is a literal caret there
local n = 0
for m in ("aaa"):gmatch("^a") do n = n + 1 end
for m in ("^a^a"):gmatch("^a") do n = n + 10 end
print("caret count", n)

-- init argument (Lua 5.4)
for m in ("one two three"):gmatch("%a+", 5) do io.write(m, ";") end
print()
for m in ("one two three"):gmatch("%a+", -5) do io.write(m, ";") end
print()
for m in ("abc"):gmatch(".", 10) do io.write("never") end
print("init past end ok")

-- empty matches between characters
local parts = {}
for m in ("abc"):gmatch("") do parts[#parts + 1] = "[" .. m .. "]" end
print(#parts, table.concat(parts))

local runs = {}
for m in ("aab"):gmatch("a*") do runs[#runs + 1] = "<" .. m .. ">" end
print(table.concat(runs))

-- splitting on a separator, keeping empty fields
local fields = {}
for f in ("a,,b,c,"):gmatch("([^,]*)") do fields[#fields + 1] = "'" .. f .. "'" end
print(#fields, table.concat(fields, " "))

-- calling the iterator directly; when exhausted it returns no values at all
local it = ("x1y2"):gmatch("%d")
print(it(), it(), it())
print(select('#', it()))

-- the iterator keeps its own position even after other matches
local it2 = ("ab"):gmatch(".")
local first = it2()
for _ in ("zzz"):gmatch("z") do end
print(first, it2(), it2())

-- errors in the pattern surface when iterating
print(pcall(function() for _ in ("x"):gmatch("[") do end end))
