-- os.remove/os.rename error returns on missing files, success paths, getenv of a missing var
local missing = os.tmpname()
os.remove(missing)

-- removing a missing file returns nil, message, errno
local r, msg, code = os.remove(missing)
print(r, type(msg), math.type(code))
print((msg:gsub("^.*: ", "<path>: ")), code)

-- renaming a missing file
r, msg, code = os.rename(missing, missing .. ".new")
print(r, (msg:gsub("^.*: ", "<path>: ")), code)

-- successful rename and remove
local f = assert(io.open(missing, "w"))
f:write("payload")
f:close()
print(os.rename(missing, missing .. ".moved"))
local g = io.open(missing, "r")
print(g)
local h = assert(io.open(missing .. ".moved", "r"))
print(h:read("a"))
h:close()
print(os.remove(missing .. ".moved"))
local n, m2, c2 = io.open(missing .. ".moved")
print(n, (m2:gsub("^.*: ", "<path>: ")), c2)

-- getenv of surely-missing variables returns nil
print(os.getenv("YLUA_SURELY_MISSING_VARIABLE_1234567"), os.getenv(""))
print(type(os.getenv("PATH") or ""))
print(pcall(os.getenv))
print(pcall(os.getenv, {}))

-- argument errors
print(pcall(os.remove))
print(pcall(os.rename, "a"))

-- tmpname gives a string (not printed: it is not deterministic)
local tn = os.tmpname()
print(type(tn))
os.remove(tn)

-- os.clock is a float number of seconds, non-decreasing
local c1 = os.clock()
local c2b = os.clock()
print(math.type(c1), c2b >= c1)
