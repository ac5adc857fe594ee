-- 'and'/'or' return one of their operands (not booleans) and skip evaluating the right side when possible.
assert((1 and 2) == 2 and (nil and 2) == nil and (false and 2) == false)
assert((1 or 2) == 1 and (nil or 2) == 2 and (false or nil) == nil)
assert((0 and "zero is true") == "zero is true", "0 is truthy")
assert(("" or "x") == "", "empty string is truthy")

local calls = 0
local function bump(v) calls = calls + 1; return v end
local _ = false and bump(1)
local _ = true or bump(2)
assert(calls == 0, "right side not evaluated")
local _ = true and bump(3)
local _ = nil or bump(4)
assert(calls == 2)

-- a and b or c idiom, including its pitfall with false b
local function pick(cond) return cond and "yes" or "no" end
assert(pick(true) == "yes" and pick(nil) == "no")
assert((true and false or "fallback") == "fallback", "b == false falls through to c")

-- multiple results are truncated to one by and/or
local function two() return 1, 2 end
local a, b = two() or 0
assert(a == 1 and b == nil)
a, b = nil or two()
assert(a == 1 and b == nil, "an and/or expression is a single value even in last position")
a, b = (nil or two())
assert(a == 1 and b == nil)

-- not always returns a boolean
assert(not nil == true and not 0 == false and type(not "x") == "boolean")

-- default arguments
local function greet(name) name = name or "world"; return "hello " .. name end
assert(greet() == "hello world" and greet("lua") == "hello lua")

-- guarding field access
local cfg = {}
local depth = cfg.opts and cfg.opts.depth or 3
assert(depth == 3)
cfg.opts = {depth = 5}
depth = cfg.opts and cfg.opts.depth or 3
assert(depth == 5)

-- short circuit prevents errors
local ok = pcall(function() local n; return n and n.x end)
assert(ok)
ok = pcall(function() local t; return t ~= nil and t.x > 0 end)
assert(ok)

-- chains mix and/or left to right with 'and' binding tighter
assert((nil or false or 0) == 0 and (1 and 2 and 3) == 3 and (1 and nil and 3) == nil)
assert((false and 1 or 2 and 3) == 3)
print(1 and 2, nil and 2, false or nil, nil or false, 0 and "z", pick(false), greet(), depth, calls)
