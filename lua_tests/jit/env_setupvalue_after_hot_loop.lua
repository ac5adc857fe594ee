-- A chunk's _ENV is fixed when nothing assigns it; debug.setupvalue (as setfenv emulations do) still swaps it, and
-- the chunk's traced loop reads the new environment.
local code = load("local n = 0 for i = 1, 300 do n = n + (bonus or 0) end return n")
assert(code() == 0)
debug.setupvalue(code, 1, { bonus = 2 })
assert(code() == 600)

local reader = load("return setting")  -- a chunk of its own: its _ENV is its own cell
local f = load("local r = ... local n = 0 for i = 1, 300 do n = n + r() end return n")
setting = 1
assert(f(reader) == 300)
debug.setupvalue(reader, 1, { setting = 5 })
assert(f(reader) == 1500)
print("ok")
