-- io.type, operations on closed files, io.open failure triple, tostring of files, and close results
print(io.type(io.stdout), io.type(io.stdin), io.type(42), io.type({}), io.type(nil))

local path = os.tmpname()
local f = assert(io.open(path, "w"))
print(tostring(f):match("^file %(") ~= nil)
print(f:close())
print(io.type(f), tostring(f))

-- every method on a closed file raises "attempt to use a closed file"
local function try(fn) local ok, msg = pcall(fn); print(ok, msg) end
try(function() return f:read("a") end)
try(function() return f:write("x") end)
try(function() return f:lines() end)
try(function() return f:seek() end)
try(function() return f:setvbuf("no") end)
try(function() return f:close() end)

-- io.open failure returns nil, message, errno (message mentions the path)
os.remove(path)
local nf, msg, code = io.open(path, "r")
print(nf, (msg:gsub("^.*: ", "<path>: ")), code)
nf, msg, code = io.open("/nonexistent_dir_ylua/x.txt", "w")
print(nf, msg, code)

-- reading a file opened for writing fails softly
f = assert(io.open(path, "w"))
local r, rmsg, rcode = f:read("a")
print(r, type(rmsg), math.type(rcode))
f:close()

-- writing to a file opened for reading fails softly
f = assert(io.open(path, "r"))
local w, wmsg, wcode = f:write("data")
print(w, type(wmsg), math.type(wcode))
f:close()
os.remove(path)

-- write accepts only strings and numbers
f = assert(io.open(path, "w"))
try(function() return f:write({}) end)
try(function() return f:write(true) end)
print(f:write(1, 2.5, "s") == f)
f:close()
os.remove(path)

-- setvbuf options
f = assert(io.open(path, "w"))
print(f:setvbuf("no"), f:setvbuf("full", 1024), f:setvbuf("line"))
try(function() return f:setvbuf("sometimes") end)
f:close()
os.remove(path)

-- io.close on the standard output is not attempted here; io.write returns the default file
print(io.write("") == io.stdout)
