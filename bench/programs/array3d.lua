-- 3D array walk: nested tables indexed by three loop variables, filled then relaxed with a 6-neighbour stencil.
-- quick: 6
local n = tonumber(arg and arg[1]) or 115
local sweeps = 10

local grid = {}
for i = 1, n do
  local plane = {}
  for j = 1, n do
    local row = {}
    for k = 1, n do row[k] = ((i * 7 + j * 13 + k * 17) % 101) * 1.0 end
    plane[j] = row
  end
  grid[i] = plane
end

for _ = 1, sweeps do
  for i = 2, n - 1 do
    local below, plane, above = grid[i - 1], grid[i], grid[i + 1]
    for j = 2, n - 1 do
      local row, north, south, b, a = plane[j], plane[j - 1], plane[j + 1], below[j], above[j]
      for k = 2, n - 1 do
        row[k] = (row[k - 1] + row[k + 1] + north[k] + south[k] + b[k] + a[k]) / 6.0
      end
    end
  end
end

local sum, weighted = 0.0, 0.0
for i = 1, n do
  for j = 1, n do
    local row = grid[i][j]
    for k = 1, n do
      sum = sum + row[k]
      weighted = weighted + row[k] * ((i + j + k) % 5)
    end
  end
end
print(string.format("%.6f %.6f", sum, weighted))
