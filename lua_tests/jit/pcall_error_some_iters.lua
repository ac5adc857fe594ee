-- pcall/error inside hot loops, erroring on some iterations only, with error values of changing types.
local function risky(i)
  if i % 17 == 0 then error("str" .. i) end
  if i % 23 == 0 then error({code = i}) end
  if i % 29 == 0 then error(i * 1.5, 0) end
  if i % 31 == 0 then local t = nil; return t.x end
  return i
end
local ok_sum, kinds = 0, {}
for i = 1, 600 do
  local ok, v = pcall(risky, i)
  if ok then ok_sum = ok_sum + v
  else
    local k = type(v)
    kinds[k] = (kinds[k] or 0) + 1
  end
end
print(ok_sum, kinds.string, kinds.table, kinds.number)

-- error inside a loop inside pcall: the loop is exited at a different iteration each time
local function sumto(n, bad)
  local s = 0
  for i = 1, n do
    if i == bad then error("bad at " .. i, 0) end
    s = s + i
  end
  return s
end
local res = {}
for r = 1, 300 do
  local ok, v = pcall(sumto, 50, (r % 5 == 0) and r % 50 or -1)
  res[#res + 1] = ok and v or #v
end
local t = 0
for _, v in ipairs(res) do t = t + v end
print(t)

-- xpcall with traceback-free handler, nested pcall in loop
local handled = 0
for i = 1, 400 do
  local ok, v = xpcall(function()
    local ok2, e2 = pcall(error, i)
    if i % 4 == 0 then error(e2 + 1) end
    return e2
  end, function(e) handled = handled + 1; return -e end)
  t = t + v
end
print(t, handled)
-- error() with level and non-string in a hot loop, then message checks
local msgs = {}
for i = 1, 300 do
  local ok, e = pcall(function() if i > 298 then error("lvl", 1) end return i end)
  if not ok then msgs[#msgs + 1] = e end
end
print(#msgs, msgs[1])
print("ok")
