-- Float/int mixing with -0.0, nan and inf inside hot loops: guards switch between int and float paths.
local vals = {1, 2.5, -0.0, 0, 1/0, -1/0, 0/0, 3, math.maxinteger, -7}
local out = {}
for i = 1, 600 do
  local v = vals[i % #vals + 1]
  local r
  if v ~= v then r = "nan"
  elseif v == math.huge then r = "inf"
  elseif v == -math.huge then r = "-inf"
  elseif v == 0 then r = (1 / v == -math.huge) and "negzero" or "zero"
  else r = math.type(v) end
  out[r] = (out[r] or 0) + 1
end
local keys = {}
for k in pairs(out) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do print(k, out[k]) end

-- accumulating: becomes float, then inf, then nan
local acc = 0
local seen = {}
for i = 1, 400 do
  if i == 100 then acc = acc + 0.5 end
  if i == 200 then acc = acc * 1e308 * 10 end
  if i == 300 then acc = acc - math.huge end
  acc = acc + 1
  local tag = acc ~= acc and "nan" or (acc == math.huge and "inf" or math.type(acc))
  seen[tag] = (seen[tag] or 0) + 1
end
print(seen.integer, seen.float, seen.inf, seen.nan)
assert(acc ~= acc)

-- comparisons with nan never true; -0.0 == 0
local lt, eq = 0, 0
for i = 1, 500 do
  local a = (i % 3 == 0) and 0/0 or ((i % 3 == 1) and -0.0 or i)
  if a < 1 then lt = lt + 1 end
  if a == 0 then eq = eq + 1 end
end
print(lt, eq)
-- math.floor / tostring of specials in loop
local s = {}
for i = 1, 300 do
  local v = (i % 4 == 0) and -0.0 or (i % 4 == 1 and 1e300 * 1e10 or (i % 4 == 2 and 2.0 or 3))
  if i > 296 then s[#s + 1] = tostring(v) .. "/" .. tostring(v * -1) end
end
print(table.concat(s, " "))
print(math.tointeger(3.0), math.tointeger(-0.0), 3 // 0.0, -3 // 0.0, 0/0 ~= 0/0)
print("ok")
