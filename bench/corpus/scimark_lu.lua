-- SciMark 2.0 LU: LU factorisation with partial pivoting of a random 100x100 matrix (row swaps, row tables), N times.
-- quick: 1
local N = tonumber(arg and arg[1]) or 300

local SIZE = 100

local seed = 4242
local function lcg()
  seed = (1103515245 * seed + 12345) & 0x7fffffff
  return seed / 0x7fffffff
end

local function new_matrix(n)
  local A = {}
  for i = 1, n do
    A[i] = {}
    for j = 1, n do A[i][j] = lcg() end
  end
  return A
end

local function copy_matrix(B, A)
  for i = 1, #A do
    local Bi, Ai = B[i], A[i]
    for j = 1, #Ai do Bi[j] = Ai[j] end
  end
end

-- returns 0 on success, 1 if singular
function LU_factor(A, pivot)
  local N_ = #A
  local M = #A[1]
  local minMN = math.min(M, N_)
  for j = 1, minMN do
    local jp = j
    local t = math.abs(A[j][j])
    for i = j + 1, M do
      local ab = math.abs(A[i][j])
      if ab > t then
        jp = i
        t = ab
      end
    end
    pivot[j] = jp
    if A[jp][j] == 0 then return 1 end
    if jp ~= j then
      A[j], A[jp] = A[jp], A[j]
    end
    if j < M then
      local recp = 1.0 / A[j][j]
      for k = j + 1, M do
        A[k][j] = A[k][j] * recp
      end
    end
    if j < minMN then
      local Aj = A[j]
      for ii = j + 1, M do
        local Aii = A[ii]
        local AiiJ = Aii[j]
        for jj = j + 1, N_ do
          Aii[jj] = Aii[jj] - AiiJ * Aj[jj]
        end
      end
    end
  end
  return 0
end

function LU_solve(LU, pvt, b)
  local n = #LU
  local ii = 0
  for i = 1, n do
    local ip = pvt[i]
    local sum = b[ip]
    b[ip] = b[i]
    if ii ~= 0 then
      for j = ii, i - 1 do sum = sum - LU[i][j] * b[j] end
    elseif sum ~= 0.0 then
      ii = i
    end
    b[i] = sum
  end
  for i = n, 1, -1 do
    local sum = b[i]
    for j = i + 1, n do sum = sum - LU[i][j] * b[j] end
    b[i] = sum / LU[i][i]
  end
end

local A = new_matrix(SIZE)
local lu = new_matrix(SIZE)
local pivot = {}
for _ = 1, N do
  copy_matrix(lu, A)
  if LU_factor(lu, pivot) ~= 0 then error("singular") end
end

-- solve A x = b for b = A * ones and check that x is ones again
local b = {}
for i = 1, SIZE do
  local s = 0.0
  for j = 1, SIZE do s = s + A[i][j] end
  b[i] = s
end
LU_solve(lu, pivot, b)
local err, trace, psum = 0.0, 0.0, 0
for i = 1, SIZE do
  err = math.max(err, math.abs(b[i] - 1.0))
  trace = trace + lu[i][i]
  psum = psum + pivot[i]
end
print(string.format("LU %dx%d x%d: trace %.6f  pivots %d  solve ok %s", SIZE, SIZE, N, trace, psum, tostring(err < 1e-9)))
