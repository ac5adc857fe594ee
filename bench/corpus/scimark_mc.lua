-- SciMark 2.0 Monte Carlo: pi by sampling the unit quarter circle with SciMark's lagged-Fibonacci generator as a class.
-- quick: 20000
local N = tonumber(arg and arg[1]) or 6500000

local Random = {}
Random.__index = Random

local m1 = (1 << 30) + ((1 << 30) - 1)
local m2 = 1 << 16
local dm1 = 1.0 / m1

function Random.new(seed)
  local self = setmetatable({ m = {}, i = 4, j = 16 }, Random)
  local jseed = math.min(math.abs(seed), m1)
  if jseed % 2 == 0 then jseed = jseed - 1 end
  local k0 = 9069 % m2
  local k1 = 9069 // m2
  local j0 = jseed % m2
  local j1 = jseed // m2
  for iloop = 0, 16 do
    jseed = j0 * k0
    j1 = (jseed // m2 + j0 * k1 + j1 * k0) % (m2 // 2)
    j0 = jseed % m2
    self.m[iloop] = j0 + m2 * j1
  end
  return self
end

function Random:nextDouble()
  local m = self.m
  local i, j = self.i, self.j
  local k = m[i] - m[j]
  if k < 0 then k = k + m1 end
  m[j] = k
  if i == 0 then i = 16 else i = i - 1 end
  if j == 0 then j = 16 else j = j - 1 end
  self.i, self.j = i, j
  return dm1 * k
end

function MonteCarlo_integrate(numSamples)
  local R = Random.new(113)
  local under_curve = 0
  for _ = 0, numSamples - 1 do
    local x = R:nextDouble()
    local y = R:nextDouble()
    if x * x + y * y <= 1.0 then
      under_curve = under_curve + 1
    end
  end
  return under_curve / numSamples * 4.0, under_curve
end

local pi, hits = MonteCarlo_integrate(N)
print(string.format("Monte Carlo with %d samples: %d under the curve, pi ~ %.6f", N, hits, pi))
