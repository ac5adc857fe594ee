-- string.char with many codes at once (table.unpack of a line buffer), integral floats and numeric strings, and
-- the errors for booleans, tables, nil, fractions and codes out of range.
print(string.char(), string.char(65), string.char(65, 66, 67), string.char(65.0, "66"))
print(pcall(string.char, true), pcall(string.char, 256), pcall(string.char, 65, -1), pcall(string.char, 65, 1.5))
print(pcall(string.char, 65, {}), pcall(string.char, 65, nil))
local buf = {}
for i = 1, 60 do buf[i] = 64 + i % 26 end
local n = 0
for k = 1, 2000 do n = n + #string.char(table.unpack(buf, 1, 60)) end
print(n, string.char(table.unpack(buf, 1, 10)))
