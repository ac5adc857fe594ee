-- The nine partial sums of the benchmarks game: float loop counter, pow, sqrt, sin, cos, alternating sign.
-- quick: 1000
local N = tonumber(arg and arg[1]) or 7000000

local sin, cos, sqrt = math.sin, math.cos, math.sqrt
local a1, a2, a3, a4, a5, a6, a7, a8, a9 = 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0
local twothirds = 2.0 / 3.0
local alt = -1.0

for k = 1.0, N do
  local k2, sk, ck = k * k, sin(k), cos(k)
  local k3 = k2 * k
  alt = -alt
  a1 = a1 + twothirds ^ (k - 1)
  a2 = a2 + 1 / sqrt(k)
  a3 = a3 + 1 / (k * (k + 1))
  a4 = a4 + 1 / (k3 * sk * sk)
  a5 = a5 + 1 / (k3 * ck * ck)
  a6 = a6 + 1 / k
  a7 = a7 + 1 / k2
  a8 = a8 + alt / k
  a9 = a9 + alt / (2 * k - 1)
end

local fmt = "%.9f\t%s\n"
io.write(string.format(fmt, a1, "(2/3)^k"))
io.write(string.format(fmt, a2, "k^-0.5"))
io.write(string.format(fmt, a3, "1/k(k+1)"))
io.write(string.format(fmt, a4, "Flint Hills"))
io.write(string.format(fmt, a5, "Cookson Hills"))
io.write(string.format(fmt, a6, "Harmonic"))
io.write(string.format(fmt, a7, "Riemann Zeta"))
io.write(string.format(fmt, a8, "Alternating Harmonic"))
io.write(string.format(fmt, a9, "Gregory"))
