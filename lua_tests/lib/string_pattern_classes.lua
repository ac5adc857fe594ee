-- Pattern character classes %a %d %s %w %x %p %c %u %l %g and their complements, over ASCII
local function members(class)
  local out = {}
  for i = 32, 126 do
    local ch = string.char(i)
    if ch:find("^" .. class .. "$") then out[#out + 1] = ch end
  end
  return table.concat(out)
end
print("%d", members("%d"))
print("%x", members("%x"))
print("%u", members("%u"))
print("%l", members("%l"))
print("%p", members("%p"))
print("%a count", #members("%a"), "%w count", #members("%w"))
print("%s printable", ("[" .. members("%s") .. "]"))

-- control characters and whitespace below 32
local ctrl, space = 0, 0
for i = 0, 31 do
  local ch = string.char(i)
  if ch:match("%c") then ctrl = ctrl + 1 end
  if ch:match("%s") then space = space + 1 end
end
print("ctrl", ctrl, "space", space, ("\127"):match("%c") ~= nil)

-- complements
print(("abc123!?"):gsub("%A", "_"))
print(("abc123!?"):gsub("%D", "_"))
print(("a b\tc\n"):gsub("%S", "x"))
print(("Hello, World"):gsub("%W", ""))
print(("MiXeD"):gsub("%U", "."), ("MiXeD"):gsub("%L", "."))
print(("a1!"):gsub("%P", "#"))

-- %g printable except space
print(#members("%g"), (" a b "):gsub("%g", "G"))

-- escaped non-alphanumerics stand for themselves
print(("a.b-c%d"):gsub("%.", "DOT"), ("a-b"):gsub("%-", "+"), ("50%"):gsub("%%", " percent"))

-- dot matches any char, including NUL and newline
print(("a\0\nb"):gsub(".", "*"))
