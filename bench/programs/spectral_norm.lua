-- Spectral norm: power iteration with an implicitly defined matrix; float division and nested loops.
-- quick: 20
local size = tonumber(arg and arg[1]) or 600

local function entry(i, j)  -- A[i][j] for 0-based i, j
  local s = i + j
  return 1.0 / (s * (s + 1) / 2 + i + 1)
end

local function mul_a(v, out)
  for i = 0, size - 1 do
    local acc = 0.0
    for j = 0, size - 1 do acc = acc + entry(i, j) * v[j + 1] end
    out[i + 1] = acc
  end
end

local function mul_at(v, out)
  for i = 0, size - 1 do
    local acc = 0.0
    for j = 0, size - 1 do acc = acc + entry(j, i) * v[j + 1] end
    out[i + 1] = acc
  end
end

local function mul_ata(v, out, tmp)
  mul_a(v, tmp)
  mul_at(tmp, out)
end

local u, v, tmp = {}, {}, {}
for i = 1, size do u[i] = 1.0; v[i] = 0.0; tmp[i] = 0.0 end
for _ = 1, 10 do
  mul_ata(u, v, tmp)
  mul_ata(v, u, tmp)
end
local vbv, vv = 0.0, 0.0
for i = 1, size do
  vbv = vbv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("%.9f", math.sqrt(vbv / vv)))
