-- SciMark 2.0 FFT: in-place radix-2 complex FFT of 1024 points in a 0-based flat table, forward + inverse N times.
-- quick: 2
local N = tonumber(arg and arg[1]) or 1600

local FFT_SIZE = 1024

-- a small LCG for the input data
local seed = 1234567
local function rand()
  seed = (seed * 16807) % 2147483647
  return seed / 2147483647
end

local function int_log2(n)
  local log = 0
  local k = 1
  while k < n do
    k = k * 2
    log = log + 1
  end
  if n ~= (1 << log) then error("FFT: data length is not a power of 2: " .. n) end
  return log
end

local function bitreverse(data)
  local n = (#data + 1) // 2  -- 0-based: #data is the last index, 2n - 1
  local nm1 = n - 1
  local j = 0
  for i = 0, nm1 - 1 do
    local ii = i << 1
    local jj = j << 1
    local k = n >> 1
    if i < j then
      data[ii], data[jj] = data[jj], data[ii]
      data[ii + 1], data[jj + 1] = data[jj + 1], data[ii + 1]
    end
    while k <= j do
      j = j - k
      k = k >> 1
    end
    j = j + k
  end
end

local function transform_internal(data, direction)
  local n = (#data + 1) // 2  -- 0-based: #data is the last index, 2n - 1
  if n == 1 then return end
  local logn = int_log2(n)
  bitreverse(data)
  local dual = 1
  for _ = 0, logn - 1 do
    local w_real, w_imag = 1.0, 0.0
    local theta = 2.0 * direction * math.pi / (2.0 * dual)
    local s = math.sin(theta)
    local t = math.sin(theta / 2.0)
    local s2 = 2.0 * t * t
    for b = 0, n - 1, 2 * dual do
      local i, j = 2 * b, 2 * (b + dual)
      local wd_real, wd_imag = data[j], data[j + 1]
      data[j] = data[i] - wd_real
      data[j + 1] = data[i + 1] - wd_imag
      data[i] = data[i] + wd_real
      data[i + 1] = data[i + 1] + wd_imag
    end
    for a = 1, dual - 1 do
      local tmp_real = w_real - s * w_imag - s2 * w_real
      local tmp_imag = w_imag + s * w_real - s2 * w_imag
      w_real, w_imag = tmp_real, tmp_imag
      for b = 0, n - 1, 2 * dual do
        local i, j = 2 * (b + a), 2 * (b + a + dual)
        local z1_real, z1_imag = data[j], data[j + 1]
        local wd_real = w_real * z1_real - w_imag * z1_imag
        local wd_imag = w_real * z1_imag + w_imag * z1_real
        data[j] = data[i] - wd_real
        data[j + 1] = data[i + 1] - wd_imag
        data[i] = data[i] + wd_real
        data[i + 1] = data[i + 1] + wd_imag
      end
    end
    dual = dual * 2
  end
end

function FFT_transform(data) transform_internal(data, -1) end

function FFT_inverse(data)
  transform_internal(data, 1)
  local n = (#data + 1) // 2  -- 0-based: #data is the last index, 2n - 1
  local norm = 1 / n
  for i = 0, #data do
    data[i] = data[i] * norm
  end
end

local function new_data(n)
  local d = {}
  for i = 0, 2 * n - 1 do d[i] = rand() end
  return d
end

local data = new_data(FFT_SIZE)
local copy = {}
for i = 0, 2 * FFT_SIZE - 1 do copy[i] = data[i] end

for _ = 1, N do
  FFT_transform(data)
  FFT_inverse(data)
end

local diff, sum = 0.0, 0.0
for i = 0, 2 * FFT_SIZE - 1 do
  local d = data[i] - copy[i]
  diff = diff + d * d
  sum = sum + data[i]
end
FFT_transform(data)
print(string.format("cycles %d  rms error %.3e  sum %.6f  X[1] = %.6f %+.6fi", N, math.sqrt(diff / FFT_SIZE), sum,
  data[2], data[3]))
