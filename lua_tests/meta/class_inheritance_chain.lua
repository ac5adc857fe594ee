-- Class-style OOP with setmetatable chains: constructors, method overriding, super calls and instance checks.
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  local self = setmetatable({}, Animal)
  self.name, self.sound = name, sound or "..."
  return self
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end

local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name)
  local self = Animal.new(name, "woof")
  return setmetatable(self, Dog)
end
function Dog:kind() return "dog" end
function Dog:fetch() return self.name .. " fetches" end

local Puppy = setmetatable({}, {__index = Dog})
Puppy.__index = Puppy
function Puppy.new(name)
  return setmetatable(Dog.new(name), Puppy)
end
function Puppy:speak() return Dog.speak(self) .. " (squeaky)" end   -- super call
function Puppy:kind() return "young " .. Dog.kind(self) end

local a, d, p = Animal.new("Generic"), Dog.new("Rex"), Puppy.new("Bit")
assert(a:speak() == "Generic says ...")
assert(d:speak() == "Rex says woof", "inherited method")
assert(p:speak() == "Bit says woof (squeaky)")
assert(a:kind() == "animal" and d:kind() == "dog" and p:kind() == "young dog")
assert(p:fetch() == "Bit fetches", "two levels of inheritance")
assert(a.fetch == nil)

local function isinstance(obj, class)
  local mt = getmetatable(obj)
  while mt do
    if mt == class then return true end
    local parent = getmetatable(mt)
    mt = parent and parent.__index
  end
  return false
end
assert(isinstance(p, Puppy) and isinstance(p, Dog) and isinstance(p, Animal))
assert(isinstance(d, Animal) and not isinstance(d, Puppy))

-- instance fields shadow class fields; class changes are seen by all instances
d.sound = "grr"
assert(d:speak() == "Rex says grr" and Dog.new("Max"):speak() == "Max says woof")
function Animal:describe() return "<" .. self:kind() .. " " .. self.name .. ">" end
assert(p:describe() == "<young dog Bit>", "late-added base method dispatches virtually")

-- metamethods are not inherited through __index: each class sets its own
Animal.__tostring = function(s) return "Animal:" .. s.name end
assert(tostring(a) == "Animal:Generic")
assert(tostring(d):find("^table: ") ~= nil, "Dog has no __tostring of its own")
Dog.__tostring = Animal.__tostring
assert(tostring(d) == "Animal:Rex")
print(a:speak(), d:speak(), p:speak(), p:kind(), p:describe(), tostring(a), tostring(d))
