-- table.sort with Lua comparators called from hot loops; comparator redefined, keys switch types, errors.
local function mk(n, seed)
  local t = {}
  for i = 1, n do seed = (seed * 1103515245 + 12345) % 2147483648; t[i] = seed % 1000 end
  return t
end
local chk = 0
for r = 1, 60 do
  local t = mk(40 + r, r)
  local cmp
  if r % 3 == 0 then cmp = function(a, b) return a > b end
  elseif r % 3 == 1 then cmp = nil
  else cmp = function(a, b) return (a % 10) < (b % 10) or ((a % 10) == (b % 10) and a < b) end end
  table.sort(t, cmp)
  for i = 1, #t - 1 do
    local a, b = t[i], t[i + 1]
    if r % 3 == 0 then assert(a >= b) elseif r % 3 == 1 then assert(a <= b) end
  end
  chk = chk + t[1] + t[#t]
end
print(chk)

-- sorting mixed ints/floats, then strings
local mix = {}
for i = 1, 300 do mix[i] = (i % 2 == 0) and i / 4 or (301 - i) end
table.sort(mix)
print(mix[1], mix[2], mix[150], mix[300])
local strs = {}
for i = 1, 300 do strs[i] = tostring((i * 37) % 301) end
table.sort(strs)
print(strs[1], strs[2], strs[300])

-- invalid comparator / incomparable values raise errors inside the loop
local errs = 0
for r = 1, 30 do
  local t = mk(30, r)
  if r % 10 == 0 then t[15] = "x" end
  local ok = pcall(table.sort, t)
  if not ok then errs = errs + 1 end
end
print(errs)
-- comparator counting calls with an upvalue, sort objects by field
local calls = 0
local objs = {}
for i = 1, 300 do objs[i] = {k = (i * 53) % 97, id = i} end
table.sort(objs, function(a, b) calls = calls + 1; if a.k ~= b.k then return a.k < b.k end return a.id < b.id end)
print(objs[1].k, objs[1].id, objs[300].k, objs[300].id, calls > 300)
print("ok")
