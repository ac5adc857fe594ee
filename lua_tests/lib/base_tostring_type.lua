-- tostring and type: number formatting, booleans, nil, __tostring and __name metafields
print(tostring(1), tostring(1.0), tostring(-0.0), tostring(1e15), tostring(1e16))
print(tostring(0.1), tostring(1/3), tostring(100 // 1), tostring(7 / 2))
print(tostring(math.huge), tostring(-math.huge), tostring(2^63), tostring(math.mininteger))
print(tostring(nil), tostring(true), tostring(false), tostring("str"))
local nan = tostring(0/0)
print(nan == "nan" or nan == "-nan")

-- __tostring
local obj = setmetatable({}, {__tostring = function(t) return "Obj<" .. (t.n or "?") .. ">" end})
print(tostring(obj))
obj.n = 5
print(tostring(obj), obj)

-- __tostring may return a number (it counts as a string)
local bad = setmetatable({}, {__tostring = function() return 42 end})
local ok, msg = pcall(tostring, bad)
print(ok, msg)

-- __name is used in the default representation
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))
print(tostring(named):sub(1, 8))

-- default table/function representation prefix
print(tostring({}):match("^table: ") ~= nil, tostring(print):match("^function: ") ~= nil)

-- type of every basic kind
print(type(nil), type(true), type(0), type(0.5), type("s"), type({}), type(print), type(function() end))
print(type(coroutine.create(function() end)), type(io.stdout))
print(pcall(type))

-- type returns a string
print(type(type(nil)))

-- tostring requires an argument
print(pcall(tostring))

-- concatenation uses the same number formatting
print(1 .. "", 1.0 .. "", -0.0 .. "", 2^53 .. "")
