-- string.match with init (positive, negative, beyond end), anchors with init, and typical parsing idioms
local s = "key1=val1; key2=val2"
print(s:match("(%w+)=(%w+)"))
print(s:match("(%w+)=(%w+)", 6))
print(s:match("(%w+)=(%w+)", -9))
print(s:match("(%w+)=(%w+)", 100))
print(s:match("^key", 1), s:match("^key", 2), s:match("^key", 12))
print(s:match(".-;"), s:match(";%s*(.*)$"))
print(("abc"):match("", 4), ("abc"):match("", 5), ("abc"):match("()", -1))

-- parse a date
local y, m, d = ("2024-03-15"):match("^(%d%d%d%d)-(%d%d)-(%d%d)$")
print(y, m, d, math.type(tonumber(y)))
print(("2024-3-15"):match("^(%d%d%d%d)-(%d%d)-(%d%d)$"))

-- parse key=value pairs into a sorted listing
local cfg = "width = 80\nheight= 24\n# comment\nname =ylua\n"
local entries = {}
for line in cfg:gmatch("[^\n]+") do
  local k, v = line:match("^%s*([%w_]+)%s*=%s*(.-)%s*$")
  if k then entries[#entries + 1] = k .. ":" .. v end
end
table.sort(entries)
print(table.concat(entries, ", "))

-- numbers in text, including signs and decimals
local nums = {}
for n in ("x=-3.5, y=+2, z=10."):gmatch("[+-]?%d+%.?%d*") do nums[#nums + 1] = tonumber(n) end
print(table.concat(nums, " "))

-- trimming and splitting idioms
local function trim(str) return (str:gsub("^%s+", ""):gsub("%s+$", "")) end
print("[" .. trim("  a b  ") .. "]", "[" .. trim("") .. "]", "[" .. trim("   ") .. "]")
local function split(str, sep)
  local out = {}
  for piece in (str .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
print(table.concat(split("a.b..c", "."), "|"), #split("", ","))

-- match returns nil for no match, and captures otherwise
print(("abc"):match("x"), ("abc"):match("(x?)"), ("abc"):match("(b)(c)"))
print(pcall(string.match, "abc"))
