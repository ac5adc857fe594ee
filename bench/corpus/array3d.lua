-- A 3-D array in one flat table indexed by (x*N + y)*N + z + 1 from nested loops; filled, smoothed and summed repeatedly.
-- quick: 6
local N = tonumber(arg and arg[1]) or 135

local passes = 8
local size = N * N * N
local a = {}

-- fill: integer and float values mixed
for x = 0, N - 1 do
  for y = 0, N - 1 do
    for z = 0, N - 1 do
      local i = (x * N + y) * N + z + 1
      if (x + y + z) % 3 == 0 then
        a[i] = (x * y + z) % 17
      else
        a[i] = (x - y) * 0.25 + z / 8
      end
    end
  end
end

local sums = {}
for p = 1, passes do
  -- each cell becomes the mean of itself and its +x, +y, +z neighbours (clamped at the far faces)
  for x = 0, N - 1 do
    local xn = x < N - 1 and 1 or 0
    for y = 0, N - 1 do
      local yn = y < N - 1 and 1 or 0
      local base = (x * N + y) * N
      for z = 0, N - 1 do
        local i = base + z + 1
        local zn = z < N - 1 and 1 or 0
        a[i] = (a[i] + a[i + xn * N * N] + a[i + yn * N] + a[i + zn]) * 0.25
      end
    end
  end
  local s = 0
  for i = 1, #a do s = s + a[i] end
  sums[#sums + 1] = string.format("%.6f", s)
  -- walk it backwards with a negative step too
  local odd = 0
  for i = size, 1, -2 do odd = odd + a[i] end
  sums[#sums] = sums[#sums] .. "/" .. string.format("%.4f", odd)
  if p == passes then break end
end

print(string.format("%d^3 = %d cells, %d passes", N, size, passes))
print(table.concat(sums, "\n"))
print(string.format("corner %.10f centre %.10f", a[1], a[(N // 2 * N + N // 2) * N + N // 2 + 1]))
