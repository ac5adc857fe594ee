-- collectgarbage options (types only), getmetatable/setmetatable rules, and __metatable protection
local kb = collectgarbage("count")
print(type(kb), math.type(kb), kb > 0)
print(collectgarbage(), collectgarbage("collect"))
print(type(collectgarbage("step")))
print(type(collectgarbage("isrunning")))
print(pcall(collectgarbage, "bogus option"))

-- setmetatable returns its first argument
local t = {}
local mt = {}
print(setmetatable(t, mt) == t, getmetatable(t) == mt)

-- removing a metatable with nil
setmetatable(t, nil)
print(getmetatable(t))

-- __metatable field protects the metatable
local prot = setmetatable({}, {__metatable = "locked"})
print(getmetatable(prot))
print(pcall(setmetatable, prot, {}))

-- __metatable may be any value, including false
local pf = setmetatable({}, {__metatable = false})
print(getmetatable(pf))

-- strings share a metatable whose __index is the string table
print(getmetatable("abc").__index == string, getmetatable("") == getmetatable("x"))

-- other types have no metatable by default
print(getmetatable(1), getmetatable(nil), getmetatable(true), getmetatable(print))

-- setmetatable argument errors
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))

-- weak-valued caches survive while references exist
local cache = setmetatable({}, {__mode = "v"})
local keep = {}
cache[1] = keep
collectgarbage()
print(cache[1] == keep)

-- _G and _VERSION
print(_G._G == _G, _VERSION)
