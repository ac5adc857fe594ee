-- rawlen, rawget, rawset, rawequal bypass metamethods; argument checks
local mt = {
  __len = function() return 99 end,
  __index = function(_, k) return "meta:" .. tostring(k) end,
  __newindex = function(t, k, v) rawset(t, k, "wrapped:" .. tostring(v)) end,
  __eq = function() return true end,
}
local t = setmetatable({1, 2, 3}, mt)
print(#t, rawlen(t))
print(t[10], rawget(t, 10))
t.x = "v"
print(rawget(t, "x"))
rawset(t, "y", "direct")
print(rawget(t, "y"))

-- rawlen on strings
print(rawlen("hello"), rawlen(""), rawlen("a\0b"))
print(pcall(rawlen, 5))
print(pcall(rawlen))

-- rawequal ignores __eq
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
print(a == b, rawequal(a, b), rawequal(a, a))
print(rawequal(1, 1.0), rawequal("x", "x"), rawequal(nil, false))
print(pcall(rawequal, 1))

-- rawset returns the table
local r = {}
print(rawset(r, 1, "one") == r, r[1])

-- rawset with invalid keys
print(pcall(rawset, {}, nil, 1))
local ok, msg = pcall(rawset, {}, 0/0, 1)
print(ok, msg)

-- rawget/rawset argument checks
print(pcall(rawget, "str", 1))
print(pcall(rawset, "str", 1, 2))

-- float keys normalised to integers
local n = {}
rawset(n, 2.0, "two")
print(rawget(n, 2), math.type(next(n)))
