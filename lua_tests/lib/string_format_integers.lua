-- string.format integer conversions %d %i %x %X %o %c with flags, width and precision
print(string.format("[%d] [%i] [%d]", 42, -42, 0))
print(string.format("[%5d] [%-5d] [%05d] [%+d] [% d]", 42, 42, 42, 42, 42))
print(string.format("[%+5d] [%-+5d] [%+05d]", -7, 7, 7))
print(string.format("[%.3d] [%8.3d] [%-8.3d] [%.0d]", 5, 5, 5, 0))
print(string.format("[%x] [%X] [%#x] [%#X] [%08x]", 255, 255, 255, 255, 48879))
print(string.format("[%o] [%#o] [%5o]", 8, 8, 64))
print(string.format("%d %d", math.maxinteger, math.mininteger))
print(string.format("%x", -1), string.format("%X", math.mininteger))
print(string.format("%o", -1))

-- floats with exact integer values are accepted for integer formats
print(string.format("%d %x", 3.0, 16.0))
print(pcall(string.format, "%d", 3.5))
print(pcall(string.format, "%x", 1e100))

-- numeric strings are converted
print(string.format("%d", "10"), string.format("%x", "0x1f"))
print(pcall(string.format, "%d", "ten"))

-- %c
print(string.format("%c%c%c", 76, 117, 97))
print(#string.format("%c", 0), string.format("%c", 255):byte())
print(string.format("[%3c]", 65), string.format("[%-3c]", 65))

-- %u is accepted by 5.4.4 and formats the value as unsigned
print(string.format("%u [%5u] [%-5u|] [%05u]", 1, 2, 3, 4))

-- %% and literal text
print(string.format("100%% of %d", 3), string.format("%%d"))

-- many arguments
print(string.format("%d-%d-%d-%d-%d-%d", 1, 2, 3, 4, 5, 6))

-- missing argument
print(pcall(string.format, "%d %d", 1))

-- extra arguments are ignored
print(string.format("%d", 1, 2, 3))

-- hexadecimal table
local row = {}
for i = 0, 15 do row[#row + 1] = string.format("%02X", i * 17) end
print(table.concat(row, " "))
