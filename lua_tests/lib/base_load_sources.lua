-- load: string and function sources, chunk return values, varargs, and nil+message on syntax errors
local f = load("return 1 + 2")
print(type(f), f())

-- chunks receive varargs
local g = load("local a, b = ... return a * b, select('#', ...)")
print(g(6, 7, 8))

-- function source: pieces are concatenated until nil or empty string
local pieces = {"return ", "'con", "cat'", " .. ", "'enated'"}
local i = 0
local h = load(function() i = i + 1; return pieces[i] end)
print(h(), i)

-- empty-string piece also ends the source
local calls = 0
local e = load(function() calls = calls + 1; if calls == 1 then return "return 5" end return "" end)
print(e(), calls)

-- syntax errors: nil plus message, no exception
local fn, msg = load("return +")
print(fn, msg)
fn, msg = load("x = = 1")
print(fn, msg)
fn, msg = load("for")
print(fn, msg)
fn, msg = load("return 'unfinished")
print(fn, msg)

-- reader returning a non-string: load returns nil plus a message (run under pcall)
print(pcall(load, function() return {} end))

-- a reader that raises an error: the error value comes back as the message
print(pcall(load, function() error("reader broke", 0) end))

-- chunk with a runtime error
local bad = load("local t = nil; return t.x")
print(pcall(bad))

-- empty chunk returns nothing
print(select('#', load("")()))

-- globals defined by a loaded chunk go to _G by default
load("loaded_global_value = 123")()
print(loaded_global_value)
loaded_global_value = nil

-- load of a non-string, non-function
print(pcall(load, 5))
