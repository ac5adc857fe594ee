-- Fourier coefficients of f(x) = (x+1)^x on [0, 2] by trapezoid integration (Java Grande "series"): pow, sin, cos.
-- quick: 4
local N = tonumber(arg and arg[1]) or 7000

function thefunction(x, omegan, select)
  if select == 0 then
    return (x + 1) ^ x
  elseif select == 1 then
    return (x + 1) ^ x * math.cos(omegan * x)
  else
    return (x + 1) ^ x * math.sin(omegan * x)
  end
end

function TrapezoidIntegrate(x0, x1, nsteps, omegan, select)
  local x = x0
  local dx = (x1 - x0) / nsteps
  local rvalue = thefunction(x0, omegan, select) / 2.0
  if nsteps ~= 1 then
    nsteps = nsteps - 1
    while nsteps > 0 do
      x = x + dx
      rvalue = rvalue + thefunction(x, omegan, select)
      nsteps = nsteps - 1
    end
  end
  rvalue = (rvalue + thefunction(x1, omegan, select) / 2.0) * dx
  return rvalue
end

local TestArray = { {}, {} }
TestArray[1][1] = TrapezoidIntegrate(0.0, 2.0, 1000, 0.0, 0) / 2.0
TestArray[2][1] = 0.0
local omega = math.pi
for i = 2, N do
  TestArray[1][i] = TrapezoidIntegrate(0.0, 2.0, 1000, omega * (i - 1), 1)
  TestArray[2][i] = TrapezoidIntegrate(0.0, 2.0, 1000, omega * (i - 1), 2)
end

local show = math.min(N, 4)
for i = 1, show do
  print(string.format("a[%d] = %.10f   b[%d] = %.10f", i - 1, TestArray[1][i], i - 1, TestArray[2][i]))
end
local sa, sb = 0, 0
for i = 1, #TestArray[1] do
  sa = sa + TestArray[1][i]
  sb = sb + math.abs(TestArray[2][i])
end
print(string.format("sum a = %.10f  sum |b| = %.10f", sa, sb))
