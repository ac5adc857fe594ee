-- SciMark 2.0 SOR: Jacobi successive over-relaxation (omega 1.25) on a 100x100 grid of row tables, N sweeps.
-- quick: 3
local N = tonumber(arg and arg[1]) or 4000

local SIZE = 100
local RESOLUTION = 1.25

local Random = {}
Random.__index = Random
function Random.new(seed) return setmetatable({ seed = seed }, Random) end
function Random:next()
  -- the "minimal standard" LCG, in integers
  self.seed = self.seed * 16807 % 2147483647
  return self.seed / 2147483647
end

local function RandomMatrix(M, N_, R)
  local A = {}
  for i = 1, M do
    local row = {}
    for j = 1, N_ do row[j] = R:next() end
    A[i] = row
  end
  return A
end

function SOR_execute(omega, G, num_iterations)
  local M = #G
  local N_ = #G[1]
  local omega_over_four = omega * 0.25
  local one_minus_omega = 1.0 - omega
  local Mm1 = M - 1
  local Nm1 = N_ - 1
  for _ = 1, num_iterations do
    for i = 2, Mm1 do
      local Gi = G[i]
      local Gim1 = G[i - 1]
      local Gip1 = G[i + 1]
      for j = 2, Nm1 do
        Gi[j] = omega_over_four * (Gim1[j] + Gip1[j] + Gi[j - 1] + Gi[j + 1]) + one_minus_omega * Gi[j]
      end
    end
  end
end

local G = RandomMatrix(SIZE, SIZE, Random.new(101010))
SOR_execute(RESOLUTION, G, N)

local sum = 0.0
for i = 1, #G do
  for j = 1, #G[i] do sum = sum + G[i][j] end
end
print(string.format("SOR %dx%d, %d iterations: sum %.6f  G[50][50] = %.10f", SIZE, SIZE, N, sum, G[50][50]))
