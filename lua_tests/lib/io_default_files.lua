-- io.input/io.output redirection to temp files, io.read/io.write on defaults, io.lines() on default input
local path = os.tmpname()

-- redirect default output to a file
local old_out = io.output()
print(io.type(old_out))
local out = io.output(path)
print(io.type(out), out == io.output())
io.write("first line\n", 123, "\n", "third\n")
io.output():close()
io.output(old_out)
print(io.output() == io.stdout)

-- redirect default input to the same file
local old_in = io.input()
io.input(path)
print(io.read())
print(io.read("n"))
print(io.read("L") == "\n")
print(io.read("l"))
print(io.read("l"))
io.input():close()
io.input(old_in)

-- io.lines() with no file name iterates the default input
local fh = assert(io.open(path))
io.input(fh)
local collected = {}
for l in io.lines() do collected[#collected + 1] = l end
print(#collected, table.concat(collected, "|"))
print(io.type(fh))
io.input(old_in)
fh:close()

-- io.input/io.output accept file handles
local fh2 = assert(io.open(path))
print(io.input(fh2) == fh2)
print(io.read(5))
io.input(old_in)
fh2:close()

-- opening a missing file through io.input raises an error
os.remove(path)
local ok, msg = pcall(io.input, path)
print(ok, (msg:gsub("'.*'", "'<path>'")))

-- a closed file cannot become the default input
local fh3 = assert(io.open(path, "w"))
fh3:close()
ok, msg = pcall(io.input, fh3)
print(ok, msg)
print(io.input() == old_in)
os.remove(path)
