-- __add/__lt/__eq/__concat/__len metamethods invoked from hot loops, each running its own loop inside.
local V = {}
V.__index = V
local function vec(n) local t = {}; for i = 1, n do t[i] = i end; return setmetatable(t, V) end
V.__add = function(a, b)
  local r = {}
  if type(b) == "number" then for i = 1, #a do r[i] = a[i] + b end
  else for i = 1, #a do r[i] = a[i] + b[i] end end
  return setmetatable(r, V)
end
V.__lt = function(a, b)
  local sa, sb = 0, 0
  for i = 1, #a do sa = sa + a[i] end
  for i = 1, #b do sb = sb + b[i] end
  return sa < sb
end
V.__eq = function(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return true
end
V.__concat = function(a, b)
  local s = type(a) == "table" and table.concat(a, ",") or a
  return s .. "|" .. (type(b) == "table" and #b or b)
end
V.__len = function(a) local c = 0; for _ in pairs(a) do c = c + 1 end; return c end

local acc = vec(5)
local lts, eqs = 0, 0
local prev = vec(5)
for i = 1, 400 do
  local add = (i % 50 == 0) and 0.5 or ((i % 2 == 0) and vec(5) or 1)
  acc = acc + add
  if prev < acc then lts = lts + 1 end
  if acc == prev then eqs = eqs + 1 end
  prev = (i % 3 == 0) and acc or prev
end
print(rawlen(acc), acc[1], acc[5], lts, eqs)

local s = ""
for i = 1, 300 do
  local v = vec(i % 4 + 1)
  s = (v .. i):sub(1, 12)
  if i == 150 then V.__concat = function(a, b) return "C" .. tostring(b) end end
end
print(s)

-- __eq switched off mid-loop: equality falls back to identity
local a, b = vec(3), vec(3)
local e = 0
for i = 1, 300 do
  if a == b then e = e + 1 end
  if i == 120 then V.__eq = nil end
end
print(e)
print("ok")
