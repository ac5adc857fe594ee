-- error: levels 0/1/2, position prefixes, and non-string error values
local function lvl1() error("at level one", 1) end
local function lvl2() error("at level two", 2) end
local function lvl0() error("no position", 0) end
local function default() error("default level") end

local function caller() lvl2() end  -- line 7: level 2 blames this line

local ok, msg = pcall(lvl1)
print(ok, msg)
assert(msg == "base_error_levels.lua:2: at level one")

ok, msg = pcall(caller)
print(ok, msg)
assert(msg == "base_error_levels.lua:7: at level two")

ok, msg = pcall(lvl0)
print(ok, msg)
assert(msg == "no position")

ok, msg = pcall(default)
print(ok, msg)
assert(msg:match(":5: default level$"))

-- non-string error values never get position information
local e = setmetatable({}, {__tostring = function() return "custom error object" end})
ok, msg = pcall(error, e)
print(ok, msg == e, tostring(msg))

ok, msg = pcall(function() error(404) end)
print(ok, msg, math.type(msg))

ok, msg = pcall(function() error(3.5, 2) end)
print(ok, msg)

ok, msg = pcall(function() error(true) end)
print(ok, msg)

-- error with nil value
ok, msg = pcall(function() error(nil) end)
print(ok, msg)

ok, msg = pcall(error)
print(ok, msg)

-- a numeric string message still gets position prefix at level 1
ok, msg = pcall(function() error("12") end)
print(ok, msg)

-- rethrowing keeps the original message unchanged
ok, msg = pcall(function()
  local ok2, inner = pcall(error, "inner", 0)
  error(inner, 0)
end)
print(ok, msg)
