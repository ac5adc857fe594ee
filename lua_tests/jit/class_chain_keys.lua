-- Method lookups through __index chains whose keys the program built at run time (equal strings that need not be
-- the constants the code looks them up with), objects that lack or own a field, and big tables whose missing keys
-- are looked up natively.

local function new_class(parent)
  local c = {}
  c["__" .. "index"] = c                   -- a key built at run time
  if parent then
    local mt = {}
    mt[("__index"):sub(1)] = parent
    setmetatable(c, mt)
  end
  return c
end

local Base = new_class()
Base["gr" .. "eet"] = function(self) return self.n + 1 end
function Base:kind() return "base" end
local Mid = new_class(Base)
function Mid:kind() return "mid" end
local Leaf = new_class(Mid)
Leaf[table.concat({"sc", "ore"})] = function(self) return self.n * 2 end

local objs = {}
for i = 1, 40 do
  local cls = (i % 3 == 0) and Base or ((i % 3 == 1) and Mid or Leaf)
  objs[i] = setmetatable({n = i}, cls)
end

local total, kinds = 0, {}
for step = 1, 3000 do
  local o = objs[step % #objs + 1]
  total = total + o:greet()
  kinds[o:kind()] = (kinds[o:kind()] or 0) + 1
  if o.score then total = total + o:score() end
  if step == 1500 then Mid.greet = function(self) return -self.n end end   -- a method appears on the way
  if step == 2200 then o.greet = nil; Mid.greet = nil end
end
print(total, kinds.base, kinds.mid, kinds.leaf)

-- an object that owns a field shadowing its class's for a while
local Plain = new_class()
function Plain:val() return 7 end
local p = setmetatable({}, Plain)
local acc = 0
for i = 1, 1000 do
  if i == 300 then p.val = function() return 100 end end
  if i == 700 then p.val = nil end
  acc = acc + p:val()
end
print(acc)

-- missing and present keys of tables too big for one-byte index tables
local big, bigger = {}, {}
for i = 1, 400 do big["k" .. i] = i end
for i = 1, 40000 do bigger["w" .. i] = i end
local found, missing = 0, 0
for i = 1, 2000 do
  if big.k200 then found = found + big.k200 end
  if big.nothere then missing = missing + 1 end
  if bigger.w39999 then found = found + 1 end
  if not bigger.absent then missing = missing + 1 end
  if i == 1000 then big.nothere = 5 end
end
print(found, missing)
print("ok")
