-- error(msg, level): level 1 blames the caller of error, 2 its caller, 0 adds no position; deeper levels too.
local function lvl(n) error("L" .. n, n) end

local function via_one(n) lvl(n) end                -- line 4
local function via_two(n) via_one(n) end            -- line 5

local results = {}
for _, n in ipairs({0, 1, 2, 3, 4}) do
  local ok, m = pcall(via_two, n)
  results[#results + 1] = m
  print(n, m)
end
assert(results[1] == "L0")
assert(results[2] == "error_levels.lua:2: L1")
assert(results[3] == "error_levels.lua:4: L2")
assert(results[4] == "error_levels.lua:5: L3")
-- level 4 would be pcall itself: a C function gives no position
assert(results[5] == "L4")

-- the default level is 1
local ok, m = pcall(function() error("default") end)
print(m)
assert(m == "error_levels.lua:21: default")

-- a level far beyond the stack depth gives no position
ok, m = pcall(function() error("far", 50) end)
print(m)
assert(m == "far")

-- level 2 from a function called by the main chunk points into this file
local function argcheck(v) if not v then error("bad input", 2) end end
ok, m = pcall(function()
  argcheck(true)
  argcheck(false)                                  -- line 34
end)
print(m)
assert(m == "error_levels.lua:34: bad input")

-- a level-2 error raised from a metamethod blames the code that triggered it
local guarded = setmetatable({}, {__newindex = function(t, k) error("read-only key " .. k, 2) end})
ok, m = pcall(function()
  guarded.x = 1                                    -- line 42
end)
print(m)
assert(m == "error_levels.lua:42: read-only key x")

-- non-string messages never get positions whatever the level
ok, m = pcall(error, 7, 1)
print(m, math.type(m))
