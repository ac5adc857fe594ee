-- Mandelbrot: escape-time iteration over a size x size grid; a checksum of the 1-bit bitmap is printed.
-- quick: 32
local size = tonumber(arg and arg[1]) or 1000
local max_iter = 50
local pad = {128, 64, 32, 16, 8, 4, 2, 1}

local checksum, inside = 0, 0
for y = 0, size - 1 do
  local ci = 2.0 * y / size - 1.0
  local byte, bits = 0, 0
  for x = 0, size - 1 do
    local cr = 2.0 * x / size - 1.5
    local zr, zi, zr2, zi2 = 0.0, 0.0, 0.0, 0.0
    local escaped = false
    for _ = 1, max_iter do
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
      zr2, zi2 = zr * zr, zi * zi
      if zr2 + zi2 > 4.0 then escaped = true; break end
    end
    byte = byte * 2
    if not escaped then byte = byte + 1; inside = inside + 1 end
    bits = bits + 1
    if bits == 8 or x == size - 1 then
      byte = byte * pad[bits]  -- left-align a short last byte of a row
      checksum = (checksum * 31 + byte) % 1000000007
      byte, bits = 0, 0
    end
  end
end
print(size, inside, checksum)
