-- __index/__newindex/__call metamethods in hot loops; handlers loop internally and get swapped mid-loop.
local log = 0
local store = {}
local proxy = setmetatable({}, {
  __index = function(t, k)
    local s = 0
    for i = 1, (k % 5) + 1 do s = s + i end
    return (store[k] or 0) + s
  end,
  __newindex = function(t, k, v)
    for i = 1, 3 do log = log + i end
    store[k] = v
  end,
})
local tot = 0
for i = 1, 500 do
  proxy[i % 40] = i
  tot = tot + proxy[(i * 3) % 40]
end
print(tot, log)

-- __newindex as a table, then rawset bypass, then removal of the metatable mid-loop
local sink = {}
local t = setmetatable({}, {__newindex = sink})
for i = 1, 400 do
  t[i] = i
  if i == 150 then rawset(t, "direct", true) end
  if i == 300 then setmetatable(t, nil) end
end
local ns, nt = 0, 0
for _ in pairs(sink) do ns = ns + 1 end
for _ in pairs(t) do nt = nt + 1 end
print(ns, nt)

-- __call objects called in a loop; the callable changes to a plain function mid-loop
local calls = setmetatable({n = 0}, {__call = function(self, a, b)
  for i = 1, 2 do self.n = self.n + 1 end
  return a + (b or 0)
end})
local f = calls
local cs = 0
for i = 1, 450 do
  cs = cs + f(i, i % 2 == 0 and 1 or nil)
  if i == 200 then f = function(a) return -a end end
  if i == 350 then f = calls end
end
print(cs, calls.n)

-- __index chain of numeric defaults and inherited fields with hot reads
local defaults = setmetatable({}, {__index = function(_, k) return #tostring(k) end})
local mid = setmetatable({z = 100}, {__index = defaults})
local leaf = setmetatable({}, {__index = mid})
local r = 0
for i = 1, 300 do
  r = r + leaf[i] + leaf.z
  if i == 100 then mid.z = 0.5 end
  if i == 200 then leaf.z = 7 end
end
print(r)
print("ok")
