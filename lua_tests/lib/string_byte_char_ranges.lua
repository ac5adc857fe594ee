-- string.byte and string.char: index ranges, negative indices, out-of-range and errors
local s = "ABCDE"
print(s:byte())
print(s:byte(2))
print(s:byte(2, 4))
print(s:byte(-1))
print(s:byte(-3, -1))
print(s:byte(1, -1))
print(s:byte(0, 2))
print(s:byte(4, 100))
print(select('#', s:byte(10)))
print(select('#', s:byte(3, 2)))
print(select('#', (""):byte()))
print(s:byte(-100, 1))

-- float indices with integer values
print(s:byte(2.0, 3.0))
print(pcall(string.byte, s, 1.5))

-- bytes of special characters
print(("\0\255\n\t"):byte(1, -1))

-- string.char
print(string.char())
print(string.char(104, 105))
print(#string.char(0, 0, 0))
print(string.char(0xe2, 0x82, 0xac) == "\u{20AC}")
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, "65"))
print(pcall(string.char, "x"))

-- round trip all byte values
local bytes = {}
for i = 0, 255 do bytes[#bytes + 1] = i end
local all = string.char(table.unpack(bytes))
print(#all)
local back = {all:byte(1, -1)}
local same = true
for i = 0, 255 do if back[i + 1] ~= i then same = false end end
print(same)
assert(all:byte(256) == 255 and all:byte(1) == 0)
