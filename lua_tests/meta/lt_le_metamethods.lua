-- __lt and __le for ordering tables, mixed with numbers, > and >= swapping operands, and no __eq use.
local V = {}
local function ver(n) return setmetatable({n = n}, V) end
local function num(x) if type(x) == "table" then return x.n end return x end
local log = {}
V.__lt = function(a, b) log[#log + 1] = "lt"; return num(a) < num(b) end
V.__le = function(a, b) log[#log + 1] = "le"; return num(a) <= num(b) end

local v1, v2 = ver(1), ver(2)
assert(v1 < v2 and not (v2 < v1))
assert(v1 <= v2 and v1 <= ver(1))
assert(v2 > v1, "> swaps the operands and uses __lt")
assert(v2 >= v1, ">= swaps the operands and uses __le")
print(table.concat(log, ","))

-- mixed with numbers on either side
assert(v1 < 5 and 0 < v1 and v2 <= 2 and 3 >= v2)
assert(not (10 < v2))

-- sorting with metamethods
local list = {ver(3), ver(1), ver(2)}
table.sort(list)
assert(list[1].n == 1 and list[3].n == 3)

-- results are converted to booleans
local T = setmetatable({}, {__lt = function() return 0 end, __le = function() return nil end})
assert((T < T) == true, "0 is truthy")
assert((T <= T) == false)

-- __lt is not used for ==
local only_lt = setmetatable({}, {__lt = function() return true end})
assert(not (only_lt == setmetatable({}, getmetatable(only_lt))))

-- strings and numbers never use metamethods for ordering with each other
local ok, err = pcall(function() return "1" < 2 end)
assert(not ok and string.find(err, "attempt to compare string with number", 1, true), err)

-- one operand with a metamethod is enough, in either position
local A = setmetatable({}, {__lt = function(x, y) return type(x) .. "<" .. type(y) ~= "" end})
assert(A < {} and {} < A)

-- a metamethod that errors
local bad = setmetatable({}, {__le = function() error("le failed") end})
ok, err = pcall(function() return bad <= 1 end)
assert(not ok and string.find(err, "le failed", 1, true), err)

-- comparing with nil still goes through a metamethod if present
local nilcmp = setmetatable({}, {__lt = function(x, y) return y == nil end})
assert(nilcmp < nil)
ok, err = pcall(function() return {} < nil end)
assert(not ok and string.find(err, "attempt to compare table with nil", 1, true), err)
print(v1 < v2, v2 > v1, v1 <= ver(1), v1 < 5, 0 < v1, T < T, T <= T, list[1].n, list[2].n, list[3].n)
