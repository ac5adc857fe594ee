-- Hash-part string keys added inside hot loops, fields set to nil and re-added, next() over the result.
local t = {}
for i = 1, 500 do
  t["k" .. (i % 97)] = i
  if i % 5 == 0 then t["k" .. ((i * 3) % 97)] = nil end
end
local n, s = 0, 0
for k, v in pairs(t) do n = n + 1; s = s + v end
print(n, s)

-- same field read in a loop while it alternates between present and nil
local obj = {x = 1, y = 2}
local acc = 0
for i = 1, 400 do
  if i % 3 == 0 then obj.x = nil elseif i % 3 == 1 then obj.x = i end
  acc = acc + (obj.x or -1) + obj.y
  if i == 250 then obj.y = 0.5 end
end
print(acc)

-- many new keys: table rehashes during a loop that also reads existing keys
local big = {a = 1, b = 2, c = 3}
local r = 0
for i = 1, 600 do
  big["f" .. i] = i
  r = r + big.a + (big.b or 0) + big.c
  if i == 300 then big.b = nil end
  if i == 301 then big.b = 20 end
end
print(r, big.f600, big.f1)

-- mixed int/string/float keys
local mk = {}
for i = 1, 300 do
  local key = (i % 3 == 0) and i or ((i % 3 == 1) and tostring(i) or i + 0.5)
  mk[key] = (mk[key] or 0) + 1
end
local c = 0
for k in pairs(mk) do c = c + 1 end
print(c, mk[3], mk["1"], mk[2.5])
-- clear everything then reuse
for k in pairs(t) do t[k] = nil end
print(next(t))
for i = 1, 300 do t[i % 2 == 0 and "even" or "odd"] = i end
print(t.even, t.odd)
print("ok")
