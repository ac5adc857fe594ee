-- load: chunkname in error messages, custom env tables, and the mode argument
-- chunkname forms
print(pcall(load("error('boom')", "=mychunk")))
print(pcall(load("error('boom')", "@virtual/file.lua")))
print(pcall(load("error('boom')", "a plain name")))
print(pcall(load("error('boom')")))
print(select(2, load("?", "=named")))
print(select(2, load("\n\n?", "@src.lua")))

-- long source strings are abbreviated in the default chunkname
local long = "return " .. string.rep("1 + ", 30) .. "nil + 1"
local ok, msg = pcall(load(long))
print(ok, msg)

-- multi-line source: only the first line is used in the name
print(pcall(load("local a = 1\nerror('second line')")))

-- custom environment
local env = {print = print, x = 5}
local f = load("y = x * 2; return y", "envchunk", "t", env)
print(f(), env.y, rawget(_G, "y"))

-- env without needed globals
local g = load("return tostring(1)", "noenv", "t", {})
ok, msg = pcall(g)
print(ok, msg)

-- nil env explicitly (fourth argument present)
local h = load("return x", "nilenv", "t", nil)
print(pcall(h))

-- _ENV inside the chunk is the supplied table
local seen = load("return _ENV", "c", "t", env)()
print(seen == env)

-- mode: text only chunks are allowed with "t" and "bt"
print(type(load("return 1", "m", "t")), type(load("return 1", "m", "bt")))
local fn, err = load("return 1", "m", "b")
print(fn, err)

-- a chunk starting with the binary signature (ESC) is rejected in text mode
fn, err = load("\27Lua fake", "bin", "t")
print(fn, err)

-- invalid mode string
print(pcall(load, "return 1", "m", "x"))
