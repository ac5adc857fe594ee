-- string library calls in hot loops: sub, byte, char, format, find, gsub, rep, upper; patterns change mid-loop.
local text = string.rep("The quick brown fox jumps over the lazy dog. ", 12)
local bs = 0
for i = 1, #text do bs = bs + text:byte(i) end
print(#text, bs)

local subs = 0
for i = 1, 400 do
  local a = (i % 7) - 3
  local b = (i % 11) - 5
  subs = subs + #text:sub(a, b) + #string.sub("hello", i % 8 - 2)
end
print(subs)

local found = 0
local pat = "fox"
for i = 1, 300 do
  local s, e = string.find(text, pat, i, i % 2 == 0)
  if s then found = found + s + e end
  if i == 100 then pat = "o%a+" end
  if i == 200 then pat = "." end
end
print(found)

local fm = {}
for i = 1, 320 do
  local v = (i % 3 == 0) and i / 7 or ((i % 3 == 1) and i or -i)
  fm[#fm + 1] = string.format("%5.2f|%d|%s|%q", v, i, v, i % 10 == 0 and "a\n" or i)
end
print(fm[1], fm[2], fm[3], fm[10])
print(#table.concat(fm))

local gs, gn = 0, 0
for i = 1, 300 do
  local repl = (i % 3 == 0) and "%1%1" or ((i % 3 == 1) and {a = "A"} or function(c) return c:upper() end)
  local r, n = string.gsub("banana" .. i, "(a)", repl)
  gs = gs + #r
  gn = gn + n
end
print(gs, gn)
local cs = {}
for i = 1, 300 do cs[#cs + 1] = string.char(32 + i % 90) end
local joined = table.concat(cs)
print(#joined, joined:sub(1, 20), joined:upper():sub(60, 70), joined:rep(2, "-"):len())
print(("x"):rep(0), ("%d"):format(3.0), pcall(string.format, "%d", 3.5))
print("ok")
