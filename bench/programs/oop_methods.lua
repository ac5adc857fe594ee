-- OOP methods: a small class hierarchy built with metatables (inheritance through __index chains),
-- virtual dispatch, super calls and accessor-heavy code.
-- quick: 2000
local n = tonumber(arg and arg[1]) or 5000000

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  c.new = function(...)
    local o = setmetatable({}, c)
    o:init(...)
    return o
  end
  return c
end

local Shape = class()
function Shape:init(name) self.name = name; self.moves = 0 end
function Shape:move(dx, dy) self.x = self.x + dx; self.y = self.y + dy; self.moves = self.moves + 1 end
function Shape:area() return 0 end
function Shape:describe() return self.name .. ":" .. self:area() end

local Rect = class(Shape)
function Rect:init(x, y, w, h) Shape.init(self, "rect"); self.x, self.y, self.w, self.h = x, y, w, h end
function Rect:area() return self.w * self.h end
function Rect:scale(f) self.w = self.w * f; self.h = self.h * f end

local Square = class(Rect)
function Square:init(x, y, s) Rect.init(self, x, y, s, s); self.name = "square" end
function Square:scale(f) Rect.scale(self, f); self.h = self.w end

local Circle = class(Shape)
function Circle:init(x, y, r) Shape.init(self, "circle"); self.x, self.y, self.r = x, y, r end
function Circle:area() return 3 * self.r * self.r end
function Circle:scale(f) self.r = self.r * f end

local shapes = {}
for i = 1, 30 do
  local k = i % 3
  if k == 0 then shapes[i] = Rect.new(i, -i, i % 7 + 1, i % 5 + 1)
  elseif k == 1 then shapes[i] = Square.new(-i, i, i % 4 + 1)
  else shapes[i] = Circle.new(i, i, i % 6 + 1) end
end

local area_sum, pos_sum = 0, 0
for step = 1, n do
  local s = shapes[step % #shapes + 1]
  s:move(step % 3 - 1, step % 5 - 2)
  if step % 1000 == 0 then s:scale(-1) end  -- mirror: integers stay integers and bounded
  area_sum = area_sum + s:area()
  pos_sum = pos_sum + s.x - s.y
end
local moves = 0
for i = 1, #shapes do moves = moves + shapes[i].moves end
print(area_sum, pos_sum, moves, shapes[1]:describe(), shapes[2]:describe(), shapes[3]:describe())
