-- math.type in a hot loop is the constant name of the kind the trace guards its argument to have (nil for any
-- other value, nil included), and math.type() with no argument still raises.
local vals = { 1, 2.5, "3", nil, true, {}, -0.0, math.huge, 1e100, math.mininteger, "x" }
local n, s = 0, {}
for i = 1, 300 do
  local v = vals[i % 11 + 1]
  local t = math.type(v)
  if t == "integer" then n = n + 1 elseif t == "float" then n = n + 100 elseif t == nil then n = n + 10000 end
  if i <= 11 then s[#s + 1] = tostring(t) end
end
local ok, err = pcall(math.type)
assert(n == 1380954 and table.concat(s, " ") == "float nil nil nil nil float float float integer nil integer", n)
assert(select("#", math.type(nil)) == 1 and not ok and err:find("value expected"), err)
print(n, table.concat(s, " "))
