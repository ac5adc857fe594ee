-- tostring/tonumber in hot loops with inputs switching between ints, floats, hex, exponents and junk.
local inputs = {"10", "0x1F", "  3.5  ", "1e2", "abc", "", "-0", "0x", "9223372036854775807",
  "9223372036854775808", "1e400", "-.5", "5.", "0x1p4", " 12 3", "inf", "nan", "7"}
local ints, floats, nils = 0, 0, 0
local fsum = 0
for i = 1, 540 do
  local v = tonumber(inputs[i % #inputs + 1])
  if v == nil then nils = nils + 1
  elseif math.type(v) == "integer" then ints = ints + 1
  else floats = floats + 1; if v == v and v ~= math.huge then fsum = fsum + v end end
end
print(ints, floats, nils, fsum)

-- tonumber with bases
local bs = 0
for i = 1, 400 do
  local base = i % 35 + 2
  local v = tonumber("11", base) + (tonumber("zz", 36) or 0) + (tonumber("8", base) or -1)
  bs = bs + v
end
print(bs)

-- tostring round trip; values switch types mid-loop
local out = {}
local x = 1
for i = 1, 400 do
  if i == 100 then x = x + 0.0 end
  if i == 200 then x = -x end
  if i == 300 then x = 2^60 end
  x = x + 1
  local s = tostring(x)
  assert(tonumber(s) == x or math.type(x) == "float")
  if i % 100 == 0 or i % 100 == 1 then out[#out + 1] = s end
end
print(table.concat(out, " "))

-- tostring of other types and __tostring switching mid-loop
local mt = {__tostring = function(t) return "T" .. t.n end}
local obj = setmetatable({n = 1}, mt)
local len = 0
for i = 1, 300 do
  obj.n = i
  len = len + #tostring(obj) + #tostring(i % 2 == 0) + #tostring(nil)
  if i == 150 then mt.__tostring = function() return "" end end
  if i == 250 then mt.__name = "Thing"; mt.__tostring = nil end
end
print(len > 0, tostring(obj):match("^Thing: ") ~= nil)
print(tostring(-0.0), tostring(1e15), tostring(1e16), tostring(2^63), tonumber("0x7fffffffffffffff"))
print(tonumber("0xffffffffffffffff"), tonumber("1e1", 10), math.type(tonumber("10.0")))
print("ok")
