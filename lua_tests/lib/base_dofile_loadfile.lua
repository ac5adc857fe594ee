-- dofile and loadfile on a temporary file: return values, env, syntax errors and missing files
local path = os.tmpname()
local fh = assert(io.open(path, "w"))
fh:write("local a, b = ...\n")
fh:write("counter = (counter or 0) + 1\n")
fh:write("return 'result', a, b, counter\n")
fh:close()

-- loadfile compiles without running
counter = nil
local chunk, err = loadfile(path)
print(type(chunk), err, counter)
print(chunk(1, 2))
print(chunk("x"))

-- dofile runs it immediately (no arguments passed)
print(dofile(path))
print(counter)

-- loadfile with a custom environment
local env = {}
local c2 = loadfile(path, "t", env)
print(c2(9))
print(env.counter, counter)

-- a file starting with a '#' line is accepted (shebang skipped)
fh = assert(io.open(path, "w"))
fh:write("#!/usr/bin/env lua\nreturn 'shebang ok'\n")
fh:close()
print(dofile(path))

-- syntax errors: loadfile returns nil+msg, dofile raises
fh = assert(io.open(path, "w"))
fh:write("return = 1\n")
fh:close()
local f2, msg = loadfile(path)
print(f2, (msg:gsub("^.-:(%d+):", "FILE:%1:")))
local ok, dmsg = pcall(dofile, path)
print(ok, (dmsg:gsub("^.-:(%d+):", "FILE:%1:")))

-- runtime error inside a dofile'd chunk propagates
fh = assert(io.open(path, "w"))
fh:write("\nerror('from file')\n")
fh:close()
ok, dmsg = pcall(dofile, path)
print(ok, (dmsg:gsub("^.-:(%d+):", "FILE:%1:")))

assert(os.remove(path))

-- missing file
local nf, nmsg = loadfile(path)
print(nf, nmsg == nil, type(nmsg))
print((nmsg:gsub("^cannot open .*$", "cannot open <path>")))
ok, dmsg = pcall(dofile, path)
print(ok, (dmsg:gsub("^cannot open .*$", "cannot open <path>")))
counter = nil
