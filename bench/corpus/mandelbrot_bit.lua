-- Mandelbrot set as a PBM P4 bitmap on stdout (benchmarks-game style): bits packed with << and |, io.write(string.char(byte)).
-- quick: 40
local N = tonumber(arg and arg[1]) or 1500

local width, height = N, N
local iter = 50
local limit2 = 4.0

io.write("P4\n", width, " ", height, "\n")

for y = 0, height - 1 do
  local Ci = 2.0 * y / height - 1.0
  local bits, bitnum = 0, 0
  for x = 0, width - 1 do
    local Cr = 2.0 * x / width - 1.5
    local Zr, Zi, Tr, Ti = 0.0, 0.0, 0.0, 0.0
    local i = 0
    while i < iter and Tr + Ti <= limit2 do
      Zi = 2.0 * Zr * Zi + Ci
      Zr = Tr - Ti + Cr
      Tr = Zr * Zr
      Ti = Zi * Zi
      i = i + 1
    end
    bits = bits << 1
    if Tr + Ti <= limit2 then bits = bits | 1 end
    bitnum = bitnum + 1
    if bitnum == 8 then
      io.write(string.char(bits))
      bits, bitnum = 0, 0
    end
  end
  if bitnum > 0 then
    bits = bits << (8 - bitnum)
    io.write(string.char(bits & 0xff))
  end
end
