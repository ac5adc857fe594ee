-- utf8.char encodings for each byte-length boundary, charpattern matching, and errors
local function hex(s) return (s:gsub(".", function(c) return string.format("%02X", c:byte()) end)) end
for _, cp in ipairs({0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF}) do
  local s = utf8.char(cp)
  print(string.format("U+%04X", cp), #s, hex(s))
end

-- extended (up to 2^31 - 1) code points are allowed by utf8.char
print(#utf8.char(0x110000), hex(utf8.char(0x7FFFFFFF)))

-- several arguments at once
print(utf8.char(72, 0x20AC, 0x1F600) == "H\u{20AC}\u{1F600}", utf8.char() == "")
print(hex(utf8.char(0xD800)))

-- escape sequences agree with utf8.char
print("\u{48}\u{49}" == utf8.char(72, 73), "\u{7FFFFFFF}" == utf8.char(0x7FFFFFFF))

-- errors
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, "x"))
print(pcall(utf8.char, 1.5))

-- charpattern matches exactly one encoded character
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
local s = "añ€😀"
local chars = {}
for ch in s:gmatch(utf8.charpattern) do chars[#chars + 1] = #ch end
print(#chars, table.concat(chars, ","))

-- numeric strings are accepted
print(utf8.char("65", "0x42"))

-- building a string from a range of code points
local greek = {}
for cp = 0x3B1, 0x3B5 do greek[#greek + 1] = cp end
local g = utf8.char(table.unpack(greek))
print(#g, utf8.len(g), g)
