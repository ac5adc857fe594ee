-- Varargs functions called in hot loops: select('#', ...), select(n, ...), table.pack/unpack, nils in varargs.
local function count(...) return select("#", ...) end
local function last(...) local n = select("#", ...); if n == 0 then return nil end return (select(n, ...)) end
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...) or 0) end
  return s
end
local c, l, s = 0, 0, 0
for i = 1, 500 do
  local k = i % 6
  if k == 0 then c = c + count(); s = s + sum()
  elseif k == 1 then c = c + count(i); s = s + sum(i); l = l + last(i)
  elseif k == 2 then c = c + count(nil, nil); s = s + sum(nil, i)
  elseif k == 3 then c = c + count(i, 0.5, nil); s = s + sum(i, 0.5, nil)
  else c = c + count(table.unpack({1, 2, 3, i})); l = l + last(1, 2, i) end
end
print(c, l, s)

local function packer(...)
  local t = table.pack(...)
  local acc = t.n
  for i = 1, t.n do if t[i] ~= nil then acc = acc + 1 end end
  return acc, ...
end
local pa = 0
for i = 1, 400 do
  local a, b, cc = packer(i, (i % 2 == 0) and nil or i, "x")
  pa = pa + a + b + (cc and 1 or 0)
end
print(pa)

-- varargs forwarded through several levels, number of args grows each iteration
local function fwd3(...) return select("#", ...), ... end
local function fwd2(...) return fwd3(...) end
local function fwd1(...) return fwd2(0, ...) end
local fw = 0
for i = 1, 300 do
  local args = {}
  for j = 1, i % 20 do args[j] = j end
  local n, z = fwd1(table.unpack(args, 1, i % 20))
  fw = fw + n + z
end
print(fw)
-- vararg in a table constructor and in the middle of a list
local tl = 0
local function mid(...) local t = {..., "end"}; return #t end
for i = 1, 300 do tl = tl + mid(table.unpack({i, i, i}, 1, i % 4)) end
print(tl)
print("ok")
