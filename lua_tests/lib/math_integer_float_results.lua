-- math.floor/ceil/abs/fmod/modf/tointeger/type: integer vs float subtypes of results
local function show(...)
  local out = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    out[#out + 1] = tostring(v) .. ":" .. (math.type(v) or type(v))
  end
  print(table.concat(out, "  "))
end
show(math.floor(3.7), math.floor(-3.7), math.floor(5), math.floor(-0.0))
show(math.ceil(3.2), math.ceil(-3.2), math.ceil(5), math.ceil(-0.5))
show(math.floor(1e100), math.ceil(-1e100), math.floor(2^62), math.floor(2^63))
show(math.abs(-5), math.abs(-5.5), math.abs(math.mininteger), math.abs(-0.0))
show(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2))
show(math.fmod(-7.5, 2), math.fmod(1, math.huge), math.fmod(math.mininteger, -1))
show(math.modf(3.7))
show(math.modf(-3.7))
show(math.modf(5))
show(math.modf(math.huge))
show(math.modf(-math.huge))
show(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^63))
show(math.tointeger(-0.0), math.tointeger(7), math.tointeger({}))
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil))
print(pcall(math.type))

-- fmod errors and zero divisors
print(pcall(math.fmod, 1, 0))
print(math.fmod(1, 0.0) ~= math.fmod(1, 0.0))
print(pcall(math.floor, "x"))
print(math.floor("2.5"), math.ceil("2.5"))

-- sqrt/exp/log always return floats
show(math.sqrt(16), math.exp(0), math.log(1), math.log(8, 2), math.log(100, 10))
show(math.log(27, 3), math.sin(0), math.cos(0))

-- integer division and modulo by floats vs integers
show(7 // 2, 7.0 // 2, -7 // 2, 7 % -3, 7.0 % -3, 2^2, 10 / 2)
