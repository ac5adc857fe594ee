-- Ray tracer on vector objects with __add/__sub/__mul/__unm metamethods: spheres, a plane, shadows, one reflection; checksum.
-- quick: 12
local N = tonumber(arg and arg[1]) or 400

local Vec = {}
Vec.__index = Vec

local function vec(x, y, z)
  return setmetatable({ x = x, y = y, z = z }, Vec)
end

Vec.__add = function(a, b) return vec(a.x + b.x, a.y + b.y, a.z + b.z) end
Vec.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y, a.z - b.z) end
Vec.__unm = function(a) return vec(-a.x, -a.y, -a.z) end
Vec.__mul = function(a, b)
  if type(a) == "number" then
    return vec(a * b.x, a * b.y, a * b.z)
  elseif type(b) == "number" then
    return vec(a.x * b, a.y * b, a.z * b)
  end
  return vec(a.x * b.x, a.y * b.y, a.z * b.z) -- component-wise (colours)
end
Vec.__tostring = function(a) return string.format("(%.3f, %.3f, %.3f)", a.x, a.y, a.z) end

function Vec:dot(b) return self.x * b.x + self.y * b.y + self.z * b.z end
function Vec:length() return math.sqrt(self:dot(self)) end
function Vec:norm() return self * (1.0 / self:length()) end

local Ray = {}
Ray.__index = Ray
function Ray.new(origin, dir) return setmetatable({ origin = origin, dir = dir }, Ray) end
function Ray:at(t) return self.origin + self.dir * t end

---------------------------------------------------------------- objects
local Sphere = {}
Sphere.__index = Sphere
function Sphere.new(center, radius, colour, reflect)
  return setmetatable({ center = center, radius = radius, r2 = radius * radius, colour = colour, reflect = reflect }, Sphere)
end

function Sphere:intersect(ray)
  local oc = ray.origin - self.center
  local b = oc:dot(ray.dir)
  local c = oc:dot(oc) - self.r2
  local disc = b * b - c
  if disc < 0 then return nil end
  local sq = math.sqrt(disc)
  local t = -b - sq
  if t < 1e-6 then
    t = -b + sq
    if t < 1e-6 then return nil end
  end
  return t
end

function Sphere:normal_at(p) return (p - self.center):norm() end
function Sphere:colour_at(_) return self.colour end

local Plane = {}
Plane.__index = Plane
function Plane.new(normal, d, reflect)
  return setmetatable({ normal = normal, d = d, reflect = reflect }, Plane)
end

function Plane:intersect(ray)
  local denom = self.normal:dot(ray.dir)
  if math.abs(denom) < 1e-9 then return nil end
  local t = -(self.normal:dot(ray.origin) + self.d) / denom
  if t < 1e-6 then return nil end
  return t
end

function Plane:normal_at(_) return self.normal end
function Plane:colour_at(p)
  -- a checkerboard
  if (math.floor(p.x) + math.floor(p.z)) % 2 == 0 then
    return vec(0.9, 0.9, 0.9)
  end
  return vec(0.2, 0.2, 0.2)
end

---------------------------------------------------------------- the scene
local scene = {
  Sphere.new(vec(0, 1, 5), 1, vec(1.0, 0.3, 0.3), 0.3),
  Sphere.new(vec(-2.2, 0.8, 6), 0.8, vec(0.3, 1.0, 0.3), 0.2),
  Sphere.new(vec(2.0, 0.6, 4.5), 0.6, vec(0.3, 0.3, 1.0), 0.5),
  Sphere.new(vec(0.8, 0.3, 3.2), 0.3, vec(1.0, 1.0, 0.2), 0.0),
  Plane.new(vec(0, 1, 0), 0, 0.25),
}
local light = vec(-5, 8, -2)
local ambient = 0.1
local background = vec(0.2, 0.4, 0.7)

local function closest(ray)
  local best_t, best_obj = math.huge, nil
  for i = 1, #scene do
    local t = scene[i]:intersect(ray)
    if t and t < best_t then
      best_t, best_obj = t, scene[i]
    end
  end
  return best_obj, best_t
end

local function trace(ray, depth)
  local obj, t = closest(ray)
  if not obj then return background end
  local p = ray:at(t)
  local n = obj:normal_at(p)
  local to_light = (light - p):norm()
  local diffuse = 0.0
  local shadow_obj = closest(Ray.new(p + n * 1e-4, to_light))
  if not shadow_obj then
    diffuse = math.max(0.0, n:dot(to_light))
  end
  local colour = obj:colour_at(p) * (ambient + (1 - ambient) * diffuse)
  if depth > 0 and obj.reflect > 0 then
    local d = ray.dir
    local r = d - n * (2 * d:dot(n))
    local rc = trace(Ray.new(p + n * 1e-4, r:norm()), depth - 1)
    colour = colour * (1 - obj.reflect) + rc * obj.reflect
  end
  return colour
end

local width, height = N, N * 3 // 4
local eye = vec(0, 1.2, -1)
local sum_r, sum_g, sum_b, hash = 0, 0, 0, 0
for y = 0, height - 1 do
  for x = 0, width - 1 do
    local u = (x + 0.5) / width * 2 - 1
    local v = 1 - (y + 0.5) / height * 2
    local dir = vec(u * 1.333, v, 1.5):norm()
    local c = trace(Ray.new(eye, dir), 2)
    local r = math.floor(math.min(c.x, 1.0) * 255 + 0.5)
    local g = math.floor(math.min(c.y, 1.0) * 255 + 0.5)
    local b = math.floor(math.min(c.z, 1.0) * 255 + 0.5)
    sum_r, sum_g, sum_b = sum_r + r, sum_g + g, sum_b + b
    hash = (hash * 31 + (r << 16 | g << 8 | b)) & 0xffffffff
  end
end

print(string.format("%dx%d pixels: sums r=%d g=%d b=%d hash=%08x", width, height, sum_r, sum_g, sum_b, hash))
print("centre ray hits colour " .. tostring(trace(Ray.new(eye, vec(0, 0, 1)), 2)))
