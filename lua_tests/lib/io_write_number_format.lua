-- io.write/file:write number formatting (integers vs floats, %.14g) and read-back round trips
local path = os.tmpname()
local f = assert(io.open(path, "w"))
f:write(1, " ", 1.0, " ", -0.0, " ", 1/3, " ", 1e100, " ", 2^63, " ", math.mininteger, "\n")
f:write(100 // 3, " ", 10 / 4, " ", 123456789012345, " ", 0.1 + 0.2, "\n")
f:write(math.huge, " ", -math.huge, "\n")
f:close()

f = assert(io.open(path))
print(f:read("l"))
print(f:read("l"))
print(f:read("l"))
f:close()

-- numbers read back with "n" keep their subtype
f = assert(io.open(path, "w"))
f:write("12 12.0 -3 0x10 1e2 .5 -.5e1 9223372036854775807 9223372036854775808\n")
f:close()
f = assert(io.open(path))
for _ = 1, 9 do
  local v = f:read("n")
  io.write(tostring(v), "/", math.type(v) or "nil", " ")
end
print()
f:close()

-- reading "n" skips leading whitespace including newlines
f = assert(io.open(path, "w"))
f:write("\n\n   \t 77\n  -8")
f:close()
f = assert(io.open(path))
print(f:read("n", "n", "n"))
f:close()

-- malformed numerals fail and consume what was read
f = assert(io.open(path, "w"))
f:write("12abc 0x 1e+ 5")
f:close()
f = assert(io.open(path))
print(f:read("n"), f:read(3))
print(f:read("n"), f:read(1))
print(f:read("n"), f:read("a"))
f:close()

-- write returns the file for chaining
f = assert(io.open(path, "w"))
f:write("a"):write("b"):write(1, 2):write()
f:close()
f = assert(io.open(path))
print(f:read("a"))
f:close()
os.remove(path)
