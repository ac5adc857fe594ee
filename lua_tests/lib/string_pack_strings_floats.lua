-- string.pack/unpack for floats, strings (z, s[n], c[n]), alignment (!, X), padding (x) and options
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end

print(string.packsize("f"), string.packsize("d"), string.packsize("n"))
print(hex(string.pack(">d", 1.5)), hex(string.pack("<f", -2.0)))
print(string.unpack("<d", string.pack("<d", 0.1)) == 0.1, string.unpack("<f", string.pack("<f", 0.5)))
print(string.unpack("<n", string.pack("<n", math.huge)))
print(math.type((string.unpack("<d", string.pack("<d", 3)))))

-- zero-terminated strings
local z = string.pack("zz", "hello", "")
print(#z, hex(z))
print(string.unpack("zz", z))
print(pcall(string.pack, "z", "a\0b"))

-- length-prefixed strings
local s1 = string.pack("<s1", "abc")
print(hex(s1), string.unpack("<s1", s1))
local s4 = string.pack(">s4", "xy")
print(hex(s4), string.unpack(">s4", s4))
print(pcall(string.pack, "s1", string.rep("x", 256)))

-- fixed-size strings are padded with zeros
local c = string.pack("c5", "ab")
print(#c, hex(c))
print(pcall(string.pack, "c2", "abc"))
print(string.unpack("c3", "xyzw"))
print(pcall(string.packsize, "c"))

-- padding byte and alignment
print(hex(string.pack("<bxb", 1, 2)))
print(string.packsize("!8 b i8"), string.packsize("b i8"), string.packsize("!4 b d"))
print(hex(string.pack("<!4 b i4", 1, 2)))
print(string.packsize("<b Xi4 i4"), hex(string.pack("<b Xi4 i4", 7, 9)))

-- whitespace is ignored in formats and multiple values mix types
local rec = string.pack("<i2 z d s1", 7, "name", 2.5, "tag")
print(string.unpack("<i2 z d s1", rec))

-- packsize rejects variable-length formats
print(pcall(string.packsize, "s"))
print(pcall(string.packsize, "z"))

-- invalid option
print(pcall(string.pack, "y", 1))
