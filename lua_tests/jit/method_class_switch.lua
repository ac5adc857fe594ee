-- Method calls on objects with metatables and __index chains; the object's class is switched mid-loop.
local Base = {}
Base.__index = Base
function Base.new(v) return setmetatable({v = v}, Base) end
function Base:get() return self.v end
function Base:kind() return "base" end

local Mid = setmetatable({}, {__index = Base})
Mid.__index = Mid
function Mid:get() return self.v * 2 end

local Leaf = setmetatable({}, {__index = Mid})
Leaf.__index = Leaf
function Leaf:kind() return "leaf" end

local o = Base.new(3)
local s, kinds = 0, {}
for i = 1, 600 do
  s = s + o:get()
  kinds[o:kind()] = (kinds[o:kind()] or 0) + 1
  if i == 150 then setmetatable(o, Mid) end
  if i == 300 then setmetatable(o, Leaf) end
  if i == 450 then o.get = function(self) return 0.5 end end
end
print(s, kinds.base, kinds.leaf)

-- __index chain where a method is added to the root mid-loop
local Root = {}
local Chain = setmetatable({}, {__index = Root})
local obj = setmetatable({}, {__index = Chain})
local c = 0
for i = 1, 400 do
  if obj.ping then c = c + obj:ping(i) else c = c - 1 end
  if i == 200 then function Root:ping(x) return x end end
  if i == 300 then Chain.ping = function(self, x) return 1 end end
end
print(c)

-- many objects, each with a different class, in one loop
local classes = {Base, Mid, Leaf}
local objs = {}
for i = 1, 300 do objs[i] = setmetatable({v = i}, classes[i % 3 + 1]) end
local sum = 0
for i = 1, 300 do sum = sum + objs[i]:get() end
print(sum)
-- __index function in the chain
local Dyn = setmetatable({}, {__index = function(t, k) return function(self, x) return #k + x end end})
Dyn.__index = Dyn
local d = setmetatable({}, Dyn)
local ds = 0
for i = 1, 300 do ds = ds + d:hello(i) + d:x(1) end
print(ds)
print("ok")
