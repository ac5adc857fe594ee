-- file:seek with set/cur/end and offsets, open modes (w, a, r+, w+, a+), and write return values
local path = os.tmpname()
local f = assert(io.open(path, "w"))
f:write("0123456789")
print(f:seek(), f:seek("cur"), f:seek("end"))
print(f:seek("set", 3))
f:write("AB")
print(f:seek("cur"))
f:close()

f = assert(io.open(path, "r"))
print(f:read("a"))
print(f:seek("set"), f:read(2))
print(f:seek("cur", 2), f:read(1))
print(f:seek("end", -3), f:read("a"))
print(f:seek("end"), f:read(1))
print(pcall(function() return f:seek("bogus") end))
local r, msg, code = f:seek("set", -5)
print(r, type(msg), math.type(code))
f:close()

-- append mode always writes at the end
f = assert(io.open(path, "a"))
f:write("++")
f:close()
f = assert(io.open(path))
print(f:read("a"))
f:close()

-- r+ updates in place without truncating
f = assert(io.open(path, "r+"))
f:seek("set", 1)
f:write("xy")
f:seek("set")
print(f:read("a"))
f:close()

-- w+ truncates and allows reading back
f = assert(io.open(path, "w+"))
f:write("fresh")
f:seek("set")
print(f:read("a"), f:seek("end"))
f:close()

-- a+ reads from anywhere, writes at the end
f = assert(io.open(path, "a+"))
f:write("!")
f:seek("set")
print(f:read("a"))
f:close()

-- binary flag is accepted
f = assert(io.open(path, "rb"))
print(f:read(2))
f:close()

-- invalid modes are argument errors
print(pcall(io.open, path, "z"))
print(pcall(io.open, path, "rw"))
print(pcall(io.open, path, "r++"))
os.remove(path)
