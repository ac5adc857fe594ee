-- Conway's Game of Life on a wrapping grid of row tables; generations rendered with `..` and table.concat, hashed.
-- quick: 4
local N = tonumber(arg and arg[1]) or 2500

local W, H = 64, 40

local Life = {}
Life.__index = Life

function Life.new(w, h)
  local self = setmetatable({ w = w, h = h, gen = 0, cells = {} }, Life)
  for y = 1, h do
    local row = {}
    for x = 1, w do row[x] = 0 end
    self.cells[y] = row
  end
  return self
end

-- place a pattern given as strings of '.' and 'O'
function Life:place(x0, y0, ...)
  for dy = 1, select("#", ...) do
    local line = select(dy, ...)
    for dx = 1, #line do
      if line:sub(dx, dx) == "O" then
        self.cells[y0 + dy - 1][x0 + dx - 1] = 1
      end
    end
  end
end

function Life:randomize(seed, density)
  for y = 1, self.h do
    local row = self.cells[y]
    for x = 1, self.w do
      seed = (seed * 214013 + 2531011) % 4294967296
      if (seed >> 16) % 100 < density then row[x] = 1 end
    end
  end
end

function Life:step()
  local w, h, cells = self.w, self.h, self.cells
  local new = {}
  for y = 1, h do
    local up, row, down = cells[(y - 2) % h + 1], cells[y], cells[y % h + 1]
    local nrow = {}
    for x = 1, w do
      local l, r = (x - 2) % w + 1, x % w + 1
      local n = up[l] + up[x] + up[r] + row[l] + row[r] + down[l] + down[x] + down[r]
      if n == 3 or (n == 2 and row[x] == 1) then
        nrow[x] = 1
      else
        nrow[x] = 0
      end
    end
    new[y] = nrow
  end
  self.cells = new
  self.gen = self.gen + 1
end

function Life:render()
  local lines = {}
  for y = 1, self.h do
    local row = self.cells[y]
    local s = ""
    for x = 1, self.w do
      s = s .. (row[x] == 1 and "O" or ".")
    end
    lines[#lines + 1] = s
  end
  return table.concat(lines, "\n")
end

function Life:population()
  local n = 0
  for _, row in ipairs(self.cells) do
    for _, c in ipairs(row) do n = n + c end
  end
  return n
end

local function hash(s)
  local h = 5381
  for i = 1, #s do
    h = ((h << 5) + h + s:byte(i)) & 0xffffffff
  end
  return h
end

local world = Life.new(W, H)
world:randomize(42, 30)
world:place(2, 2, ".O.", "..O", "OOO")                    -- a glider
world:place(40, 20, ".OO", "OO.", ".O.")                  -- an R-pentomino
local checksum = 0
for g = 1, N do
  world:step()
  local picture = world:render()
  checksum = (checksum * 7 + hash(picture)) % 1000000007
  if g % 50 == 0 then
    io.write(string.format("generation %d: population %d\n", g, world:population()))
  end
end
io.write(string.format("after %d generations: population %d, checksum %d\n", N, world:population(), checksum))
print(world:render():sub(1, (W + 1) * 8))
