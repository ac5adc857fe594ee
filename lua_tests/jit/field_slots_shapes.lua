-- Field reads and writes of tables with different layouts through the same loop: traces read a field at the entry
-- where they first found it, so every other layout must still give the right value.

local function point_xy(x, y) return {x = x, y = y} end
local function point_yx(x, y) return {y = y, x = x} end           -- same keys, other order
local function point_padded(x, y) return {tag = "p", y = y, z = 0, x = x} end

local pts = {}
for i = 1, 300 do
  local make = (i % 7 == 0) and point_yx or ((i % 11 == 0) and point_padded or point_xy)
  pts[i] = make(i, i * 0.5)
end

-- reads and in-place updates of the same fields across layouts
local sx, sy = 0, 0
for round = 1, 3 do
  for i = 1, #pts do
    local p = pts[i]
    p.x = p.x + round
    sx = sx + p.x
    sy = sy + p.y * 2
  end
end
print(sx, sy)

-- a table that gains keys while a loop reads its fields (its entries move when it grows)
local grow = {a = 1.5, b = 2.5}
local acc = 0
for i = 1, 400 do
  acc = acc + grow.a + grow.b
  grow["k" .. i] = i
  grow.a = grow.a + 1
end
print(acc, grow.a, grow.k400)

-- a field deleted and added again: it comes back at another entry
local obj = {p = 1, q = 2, r = 3}
local total = 0
for i = 1, 500 do
  total = total + obj.q + obj.r
  if i % 50 == 0 then obj.q = nil; obj.q = i end
  obj.r = obj.r + 0.25
end
print(total, obj.q, obj.r)

-- keys built at run time: equal strings that may be other objects than the constants
local built = {}
built[("x"):rep(1)] = 10
built["y" .. ""] = 20
local bs = 0
for i = 1, 300 do
  bs = bs + built.x + built.y
  built.x = built.x + 1
end
print(bs, built.x)

-- a method-heavy function (a function trace) meeting objects of different layouts
local function norm1(v) return math.abs(v.x) + math.abs(v.y) end
local n = 0
for i = 1, 600 do
  local v = (i % 3 == 0) and point_yx(-i, i) or point_padded(i, -2 * i)
  n = n + norm1(v)
end
print(n)

-- integer and float values under the same fields, switching types
local mixed = {v = 1, w = 1.5}
local m = 0
for i = 1, 300 do
  if i == 150 then mixed.v = 0.5; mixed.w = 2 end
  mixed.v = mixed.v + 1
  mixed.w = mixed.w * 1
  m = m + mixed.v + mixed.w
end
print(m, math.type(mixed.v), math.type(mixed.w))
print("ok")
