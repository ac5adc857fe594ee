-- Table keys that alternate between integers and integral floats in hot loops (t[2.0] is t[2]), plus -0.0 keys.
local t = {}
for i = 1, 500 do
  local k = (i % 2 == 0) and i / 2 or (i + 1) // 2     -- float and int spelling of the same key
  t[k] = (t[k] or 0) + 1
end
local n, bad = 0, 0
for k, v in pairs(t) do
  n = n + 1
  if math.type(k) ~= "integer" or v ~= 2 then bad = bad + 1 end
end
print(n, bad, #t)

-- reads with float keys from an array filled with int keys
local arr = {}
for i = 1, 400 do arr[i] = i * 3 end
local s = 0
for i = 1, 400 do
  local k = (i % 3 == 0) and i + 0.0 or ((i % 3 == 1) and i or i + 0.5)
  s = s + (arr[k] or -1)
end
print(s)

-- -0.0 and 0 are the same key; nan keys raise errors
local z = {}
local errs = 0
for i = 1, 300 do
  local k = (i % 3 == 0) and -0.0 or ((i % 3 == 1) and 0 or 0.0)
  z[k] = i
  if i % 100 == 0 then
    local ok = pcall(function() z[0/0] = 1 end)
    if not ok then errs = errs + 1 end
  end
end
local zc = 0
for k in pairs(z) do zc = zc + 1 end
print(zc, z[0], errs, math.type(next(z)))

-- 2^53 float keys vs integer keys
local big = {}
for i = 1, 300 do
  local k = (i % 2 == 0) and 2^53 or (1 << 53)
  big[k] = (big[k] or 0) + 1
  big[(1 << 53) + 1] = i
end
local bc = 0
for k in pairs(big) do bc = bc + 1 end
print(bc, big[2^53], big[(1 << 53) + 1])
-- string keys that look like numbers stay distinct
local sk = {}
for i = 1, 300 do sk[tostring(i % 10)] = i; sk[i % 10] = -i end
local sc = 0
for _ in pairs(sk) do sc = sc + 1 end
print(sc, sk["3"], sk[3])
print("ok")
