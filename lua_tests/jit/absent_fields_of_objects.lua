-- Reads of fields that neither an object nor any class up its __index chain has are nil (the last element's
-- `next` of a linked list built with `{ val = v, next = nil }`), recorded as guarded loads: the field appearing
-- later in the object, in its class or in a base class, a base class gaining a metatable, and a metatable with no
-- __index must all still be seen.
local Base = {}
Base.__index = Base
local Elem = setmetatable({}, Base)
Elem.__index = Elem
local function elem(v, nxt) return setmetatable({ val = v, next = nxt }, Elem) end

local function length(e)
  local n = 0
  while e ~= nil do
    n = n + 1
    e = e.next
  end
  return n
end

local function chain(n)
  local e = nil
  for i = n, 1, -1 do e = elem(i, e) end
  return e
end

local lists = {}
for i = 1, 6 do lists[i] = chain(i) end
local total = 0
for round = 1, 300 do
  total = total + length(lists[1 + round % 6])
end
print("lengths", total)

-- the field turns up in the base class, then in the class, then in the object itself
local last = lists[1]
local seen = {}
for round = 1, 400 do
  if round == 100 then Base.extra = "base" end
  if round == 200 then Elem.extra = "class" end
  if round == 300 then last.extra = "own" end
  local v = last.extra
  seen[v or "nil"] = (seen[v or "nil"] or 0) + 1
end
print("extra", seen["nil"], seen.base, seen.class, seen.own)

-- a base class that gains a metatable with an __index function answers for everything
local asked = 0
local far = 0
for round = 1, 300 do
  if round == 150 then
    setmetatable(Base, { __index = function(t, k) asked = asked + 1; return 7 end })
  end
  far = far + (lists[2].missing or 0)
end
print("base metatable", asked, far)
setmetatable(Base, nil)

-- objects whose metatable has no __index at all (only an operator), mixed with class instances at one site
local Vec = { __add = function(a, b) return a end }
local objs = {}
for i = 1, 8 do objs[i] = i % 2 == 0 and setmetatable({ x = i }, Vec) or elem(i) end
local nils, hits = 0, 0
for round = 1, 400 do
  local o = objs[1 + round % 8]
  if o.label == nil then nils = nils + 1 else hits = hits + 1 end
  if round == 250 then Vec.__index = { label = "vec" } end
end
print("no __index", nils, hits)
