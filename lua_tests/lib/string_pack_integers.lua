-- string.pack/unpack/packsize for integer formats: sizes, endianness, signedness and overflow
print(string.packsize("b"), string.packsize("h"), string.packsize("i"), string.packsize("l"), string.packsize("j"))
print(string.packsize("i1"), string.packsize("i3"), string.packsize("i7"), string.packsize("i16"), string.packsize("T"))

local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end

print(hex(string.pack("<i4", 1)), hex(string.pack(">i4", 1)), #string.pack("=i2", 0x0102))
print(hex(string.pack("<i2", -2)), hex(string.pack(">I2", 65535)), hex(string.pack("<i3", -1)))
print(hex(string.pack("<j", math.mininteger)), hex(string.pack(">J", -1)))

-- unpack returns values followed by the next position
print(string.unpack("<i4", string.pack("<i4", -123456)))
print(string.unpack("<I2<I2", "\1\0\2\0"))
print(string.unpack(">b>B", "\255\255"))
print(string.unpack("<i8", string.pack("<i8", math.maxinteger)))

-- unpack with init position
local packed = string.pack("<i2i2i2", 10, 20, 30)
print(string.unpack("<i2", packed, 3), string.unpack("<i2", packed, -2))

-- odd sizes sign-extend correctly
print(string.unpack("<i3", string.pack("<i3", -5)), string.unpack("<I3", string.pack("<I3", 0xabcdef)))

-- 16-byte integers
local big = string.pack("<i16", -2)
print(#big, string.unpack("<i16", big))

-- overflow checks
print(pcall(string.pack, "i1", 128))
print(pcall(string.pack, "i1", -129))
print(pcall(string.pack, "I1", 256))
print(pcall(string.pack, "i2", 1.5))
print(string.unpack("<i1", string.pack("<i1", -128)))

-- invalid sizes
print(pcall(string.packsize, "i17"))
print(pcall(string.packsize, "i0"))

-- data too short
print(pcall(string.unpack, "<i4", "abc"))
print(pcall(string.unpack, "<i2", "abcd", 10))

-- 16-byte unsigned that does not fit in a Lua integer
print(pcall(string.unpack, "<I16", string.rep("\255", 8) .. string.rep("\1", 8)))
