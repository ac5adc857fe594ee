-- A guard fails deep inside inlined calls (3-4 frames) so that every frame's locals must be rebuilt on exit.
local function leaf(x, k)
  local a = x * 2
  local b = k .. ""                      -- k's type changes: int, float, string
  if type(x) == "string" then a = #x end
  return a, #b
end
local function mid(x, k)
  local before = x
  local p, q = leaf(x, k)
  return before, p + q
end
local function top(i, k)
  local z = i * 3
  local b, r = mid(i, k)
  return z + r + (type(b) == "number" and b or 0)
end
local s = 0
for i = 1, 600 do
  local k = (i < 200) and i or ((i < 400) and i + 0.5 or tostring(i))
  s = s + top(i, k)
end
print(s)

-- the guard fails in a different frame each time
local function f3(v) if v % 97 == 0 then return v + 0.5 end return v end
local function f2(v) if v % 89 == 0 then return f3(v) * 2 end return f3(v) end
local function f1(v) if v % 83 == 0 then return -f2(v) end return f2(v) end
local t = 0
for i = 1, 900 do t = t + f1(i) end
print(t)

-- live values of many types across an inlined call when it deopts
local function pick(i)
  if i % 50 == 0 then return nil end
  return i
end
local acc, str, tab, flt = 0, "", {}, 0.0
for i = 1, 500 do
  local v = pick(i)
  local keep = {i, str:len(), flt}
  if v then acc = acc + v else str = str .. "x"; tab[#tab + 1] = keep end
  flt = flt + 0.25
end
print(acc, str, #tab, tab[#tab][1], tab[#tab][2], tab[#tab][3], flt)

-- swap/multi-assignment with a guard failing mid-statement
local a, b = 0, 1
for i = 1, 300 do
  a, b = b, (i == 80) and (a + b) * 1.0 or a + b
  if b > 1e15 then a, b = 0, 1 end
end
print(a, b)
print("ok")
