-- Ray caster: one primary ray per pixel against a few spheres with Lambert shading and hard shadows;
-- float-heavy vector arithmetic kept in locals, plus small closures. Prints a checksum of the image.
-- quick: 16
local size = tonumber(arg and arg[1]) or 900
local sqrt = math.sqrt

-- Spheres: centre x, y, z, radius, albedo.
local spheres = {
  {0.0, -1000.5, 3.0, 1000.0, 0.6},
  {0.0, 0.0, 3.0, 0.5, 0.9},
  {-1.0, 0.1, 4.0, 0.6, 0.7},
  {1.1, -0.1, 3.5, 0.4, 0.8},
  {0.4, 0.8, 5.0, 0.7, 0.5},
}
local lx, ly, lz = -0.577350269, 0.577350269, -0.577350269  -- unit vector towards the light

-- Nearest hit along origin + t * dir (dir normalised) with t > eps; returns t and the sphere, or nil.
local function intersect(ox, oy, oz, dx, dy, dz)
  local best_t, best = math.huge, nil
  for s = 1, #spheres do
    local sp = spheres[s]
    local px, py, pz = ox - sp[1], oy - sp[2], oz - sp[3]
    local b = px * dx + py * dy + pz * dz
    local c = px * px + py * py + pz * pz - sp[4] * sp[4]
    local disc = b * b - c
    if disc > 0.0 then
      local root = sqrt(disc)
      local t = -b - root
      if t < 1e-4 then t = -b + root end
      if t > 1e-4 and t < best_t then best_t, best = t, sp end
    end
  end
  return best and best_t, best
end

local function shade(dx, dy, dz)
  local t, sp = intersect(0.0, 0.0, 0.0, dx, dy, dz)
  if not sp then return 0.2 + 0.3 * dy end  -- sky gradient
  local hx, hy, hz = t * dx, t * dy, t * dz
  local nx, ny, nz = (hx - sp[1]) / sp[4], (hy - sp[2]) / sp[4], (hz - sp[3]) / sp[4]
  local lambert = nx * lx + ny * ly + nz * lz
  if lambert <= 0.0 then return 0.05 end
  if intersect(hx + nx * 1e-3, hy + ny * 1e-3, hz + nz * 1e-3, lx, ly, lz) then lambert = lambert * 0.2 end
  return 0.05 + sp[5] * lambert
end

local checksum, total = 0, 0.0
for y = 0, size - 1 do
  for x = 0, size - 1 do
    local dx, dy, dz = (x + 0.5) / size - 0.5, 0.5 - (y + 0.5) / size, 1.0
    local inv = 1.0 / sqrt(dx * dx + dy * dy + dz * dz)
    local v = shade(dx * inv, dy * inv, dz * inv)
    local level = math.floor(math.min(v, 1.0) * 255.0 + 0.5)
    checksum = (checksum * 33 + level) % 1000000007
    total = total + v
  end
end
print(string.format("%dx%d checksum %d mean %.6f", size, size, checksum, total / (size * size)))
