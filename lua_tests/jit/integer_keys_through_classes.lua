-- Integer keys absent from an object and from every class up its __index chain read as nil through guards (a
-- class gaining that key, or an __index function up the chain, must be seen); table.concat over such objects.
local Arr = {}
Arr.__index = Arr
function Arr.new(n) local t = setmetatable({}, Arr) for i = 1, n do t[i] = i end return t end
local a = Arr.new(5)
local s, nils = 0, 0
for r = 1, 600 do
  local i = 1 + r % 8
  local v = a[i]
  if v == nil then nils = nils + 1 else s = s + v end
  if r == 300 then Arr[7] = 70 end            -- the class gains an integer key: a[7] finds it from now on
  if r == 450 then setmetatable(Arr, { __index = function(t, k) return -1 end }) end
end
print(s, nils)
local Base = { [3] = "base" }
local Derived = setmetatable({}, { __index = Base })
local obj = setmetatable({}, { __index = Derived })
local got = {}
for r = 1, 200 do got[#got + 1] = tostring(obj[1 + r % 4]) end
print(table.concat(got, ",", 1, 8))
local B = setmetatable({ 1, 2, 3 }, { __index = function(t, k) return k * 100 end })
print(table.concat(B, "-"), table.concat(B, "-", 2, 5))
-- the class gains the key in its array part
local Cls2 = {}
local o2 = setmetatable({}, { __index = Cls2 })
local ones = 0
for r = 1, 300 do
  if r == 150 then Cls2[1] = "one" end
  if o2[1] == "one" then ones = ones + 1 end
end
print("array part of the class", ones)
