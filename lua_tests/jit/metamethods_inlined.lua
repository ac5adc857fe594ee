-- Arithmetic metamethods written in Lua are inlined into traces (the VM calls them in a nested activation that the
-- recording follows): two classes at one site, a metamethod replaced half way, the second operand's metamethod when
-- the first has none, a number first (its own metatable is asked first), an error raised inside one, and
-- setmetatable on fresh objects (a weak-keyed metatable and a protected one are left to the library).
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({ x = x, y = y }, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__mul = function(a, k)
  if type(k) == "table" then return a.x * k.x + a.y * k.y end
  return vec(a.x * k, a.y * k)
end
V.__sub = function(a, b)
  if b.x > 1e6 then error("too far") end
  return vec(a.x - b.x, a.y - b.y)
end
local acc = vec(0, 0)
local dots = 0
for i = 1, 2000 do
  local v = vec(i, -i)
  acc = acc + v * 0.5
  dots = dots + v * vec(1, 2)
  if i % 500 == 0 then acc = acc - vec(1, 1) end
end
print("vectors", acc.x, acc.y, dots)

local ok, err = pcall(function()
  local s = vec(0, 0)
  for i = 1, 300 do s = s - vec(i == 250 and 2e6 or i, 0) end
  return s
end)
print("error inside", ok, err)

-- two classes reach the same site; one of them changes its __add half way
local A = { __add = function(a, b) return a.n + (type(b) == "table" and b.n or b) end }
local B = { __add = function(a, b) return a.n * 10 + (type(b) == "table" and b.n or b) end }
local objs = {}
for i = 1, 6 do objs[i] = setmetatable({ n = i }, i % 2 == 0 and A or B) end
local plain = { n = 100 }
local total = 0
for i = 1, 900 do
  local o = objs[1 + i % 6]
  total = total + (o + 1)
  if i % 3 == 0 then total = total + (plain + o) end   -- the first operand has no metatable: the second's
  if i == 450 then A.__add = function(a, b) return -1 end end
end
print("classes", total)

-- a number first: its metatable is asked before the table's
local N = { __add = function(a, b) return "num" end }
local T = setmetatable({}, { __add = function(a, b) return "tab" end })
local seen = {}
for i = 1, 300 do
  if i == 150 then debug.setmetatable(0, N) end
  local r = 1 + T
  seen[r] = (seen[r] or 0) + 1
end
debug.setmetatable(0, nil)
print("number first", seen.tab, seen.num)

-- setmetatable on fresh objects, a weak-keyed metatable now and then, a protected one refusing
local C = { __index = { hello = function(self) return self.n end } }
local W = { __mode = "k" }
local P = { __metatable = "locked", __index = C.__index }
local n, weak, locked = 0, 0, 0
for i = 1, 2000 do
  local o = setmetatable({ n = i }, i % 100 == 0 and W or C)
  if getmetatable(o) == W then weak = weak + 1 else n = n + o:hello() end
  if i % 250 == 0 then
    local p = setmetatable({ n = i }, P)
    if not pcall(setmetatable, p, C) then locked = locked + 1 end
    local ok2 = pcall(setmetatable, o, C)   -- o already has a metatable: it may change (not protected)
    if ok2 and getmetatable(o) == C then locked = locked + 10 end
  end
end
print("setmetatable", n, weak, locked)
