-- Metatables set on plain tables in the middle of hot loops that read/write/len/call them as plain tables.
local t = {}
local log = {}
local n = 0
for i = 1, 500 do
  t[i] = i
  n = n + #t
  if i == 200 then
    setmetatable(t, {__newindex = function(tt, k, v) log[#log + 1] = k; rawset(tt, k, v * 2) end})
  end
  if i == 300 then getmetatable(t).__len = function() return 1 end end
  if i == 400 then setmetatable(t, nil) end
end
print(n, #log, t[250], t[201], t[450], #t)

-- __index installed mid-loop on a table read with missing keys
local d = {}
local s = 0
for i = 1, 400 do
  s = s + (d[i % 10] or 0)
  if i == 150 then setmetatable(d, {__index = function(_, k) return k * 10 end}) end
  if i == 300 then d[5] = 0.5 end
end
print(s)

-- arithmetic on a table that gains __add / __unm / __mod mid-loop (errors caught until then)
local obj = {}
local errs, acc = 0, 0
for i = 1, 400 do
  local ok, r = pcall(function() return (obj + i) + (-obj) + (obj % 3) end)
  if ok then acc = acc + r else errs = errs + 1 end
  if i == 120 then
    setmetatable(obj, {__add = function(a, b) return b end, __unm = function() return 1 end,
      __mod = function(a, b) return b end})
  end
end
print(errs, acc)

-- the string metatable's __index is extended mid-loop
local smt = getmetatable("").__index
local total = 0
for i = 1, 300 do
  local s2 = "abc" .. i
  if s2.twice then total = total + #s2:twice() else total = total + #s2:upper() end
  if i == 150 then smt.twice = function(x) return x .. x end end
end
smt.twice = nil
print(total)
print("ok")
