-- SciMark 2.0 sparse matmult: compressed-row 1000x1000 matrix with 5000 non-zeros in 0-based tables, y = A x N times.
-- quick: 10
local N = tonumber(arg and arg[1]) or 12000

local SIZE_N, SIZE_NZ = 1000, 5000

local seed = 9876
local function random_double()
  seed = (seed * 69069 + 1) % 4294967296
  return seed / 4294967296
end

local function random_vector(n)
  local v = {}
  for i = 0, n - 1 do v[i] = random_double() end
  return v
end

function SparseCompRow_matmult(M, y, val, row, col, x, num_iterations)
  for _ = 1, num_iterations do
    for r = 0, M - 1 do
      local sum = 0.0
      local rowR = row[r]
      local rowRp1 = row[r + 1]
      for i = rowR, rowRp1 - 1 do
        sum = sum + x[col[i]] * val[i]
      end
      y[r] = sum
    end
  end
end

local nr = SIZE_NZ // SIZE_N
local anz = nr * SIZE_N
local x = random_vector(SIZE_N)
local y = {}
local val = random_vector(anz)
local col, row = {}, {}
row[0] = 0
for r = 0, SIZE_N - 1 do
  local rowr = row[r]
  row[r + 1] = rowr + nr
  local step = r // nr
  if step < 1 then step = 1 end
  for i = 0, nr - 1 do
    col[rowr + i] = i * step
  end
end

SparseCompRow_matmult(SIZE_N, y, val, row, col, x, N)

local sum = 0.0
for i = 0, SIZE_N - 1 do sum = sum + y[i] end
print(string.format("sparse %d/%d x%d: sum(y) = %.6f  y[0] = %.10f  y[999] = %.10f", SIZE_N, anz, N, sum, y[0], y[999]))
