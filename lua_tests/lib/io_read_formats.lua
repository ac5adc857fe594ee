-- io: write to a temp file, then read back with 'n', 'l', 'L', 'a', byte counts and several formats at once
local path = os.tmpname()
local f = assert(io.open(path, "w"))
print(io.type(f))
print(f:write("line one\n", 42, " ", 3.5, "\n", "0x1F -7e2 nan\n", "last line no newline") == f)
f:close()
print(io.type(f))

f = assert(io.open(path, "r"))
print(f:read("l"))
print(f:read("n", "n"))
print(f:read("L"))
print(f:read("n"), f:read("n"))
print(f:read("n"))          -- 'nan' is not a number: nil
print(f:read("l"))          -- the rest of that line
print(f:read(4), f:read(0))
print(f:read("a"))
print(f:read("a"), f:read("l"), f:read(0), f:read(1))
f:close()

-- old-style format names with '*' still work
f = assert(io.open(path, "r"))
print(f:read("*l"), f:read("*n"))
f:close()

-- several formats at once
f = assert(io.open(path, "r"))
local a, b, c = f:read(4, 1, "l")
print(a, b, c)
f:close()

-- read with a count larger than the file
f = assert(io.open(path, "r"))
local all = f:read(10000)
print(#all, f:read(10000))
f:close()

-- empty file
f = assert(io.open(path, "w")) f:close()
f = assert(io.open(path, "r"))
print(f:read("a") == "", f:read("l"), f:read("n"), f:read(0))
f:close()

-- invalid format
f = assert(io.open(path, "r"))
print(pcall(function() return f:read("x") end))
print(pcall(function() return f:read({}) end))
f:close()
os.remove(path)
