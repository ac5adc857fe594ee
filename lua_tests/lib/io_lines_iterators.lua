-- io.lines and file:lines: default lines, formats, multiple formats per step, and closing behaviour
local path = os.tmpname()
local f = assert(io.open(path, "w"))
f:write("alpha\n", "beta\n", "\n", "10 20 30\n", "gamma")
f:close()

-- file:lines default strips newlines and does not close the file
f = assert(io.open(path))
local n = 0
for line in f:lines() do n = n + 1; print(n, "[" .. line .. "]") end
print(io.type(f))
f:close()

-- "L" keeps the line terminators
f = assert(io.open(path))
for line in f:lines("L") do io.write("<", (line:gsub("\n", "\\n")), ">") end
print()
f:close()

-- io.lines(path) closes the file at the end; formats are allowed
local chunks = {}
for c in io.lines(path, 4) do chunks[#chunks + 1] = (c:gsub("\n", "|")) end
print(#chunks, table.concat(chunks, ","))

-- numbers with "n": skip to the number line first
f = assert(io.open(path))
f:read("l"); f:read("l"); f:read("l")
for a, b, c in f:lines("n", "n", "n") do print(a, b, c, math.type(a)) break end
f:close()

-- multiple formats per iteration
for l1, l2 in io.lines(path, "l", "l") do print(l1, l2) end

-- "a" never returns nil (it yields "" at end of file), so the loop must break itself
local count = 0
for all in io.lines(path, "a") do
  count = count + 1
  if count > 1 then break end
  print(#all)
end
print("a-count", count)

-- io.lines on a missing file raises an error
os.remove(path)
local ok, msg = pcall(io.lines, path)
print(ok, (msg:gsub("'.*'", "'<path>'")))

-- using a lines iterator after its file was closed
f = assert(io.open(path, "w"))
local it = f:lines()
f:close()
print(pcall(it))
os.remove(path)
