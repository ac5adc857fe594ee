-- math.maxinteger/mininteger arithmetic wraparound, huge, pi, ult, max/min subtypes and errors
local maxi, mini = math.maxinteger, math.mininteger
print(maxi, mini, maxi + 1 == mini, mini - 1 == maxi, -mini == mini)
print(maxi * 2, mini * -1, maxi // -1, mini // -1, mini % -1)
print(maxi + 0.0, mini + 0.0, math.type(maxi + 0.0))
print(maxi + 1.0 == 2^63, mini == -2^63, maxi < 2^63, maxi + 0.0 == 2^63)
print(math.huge, -math.huge, math.huge > maxi, -math.huge < mini, math.type(math.huge))
print(math.huge - math.huge ~= math.huge - math.huge, math.huge * 0 ~= math.huge * 0)
print(string.format("%.15f", math.pi), math.pi == 4 * math.atan(1), math.type(math.pi))
print(mini // 1, mini / -1 == 2^63, 1 // 0.0, -1 // 0.0, 0x7fffffffffffffff == maxi)

-- ult compares as unsigned
print(math.ult(1, 2), math.ult(2, 1), math.ult(-1, 1), math.ult(1, -1), math.ult(mini, maxi), math.ult(maxi, mini))
print(math.ult(0, -1), math.ult(-2, -1), math.ult(5, 5))
print(pcall(math.ult, 1.5, 2))
print(pcall(math.ult, 1))
print(math.ult(1.0, 2.0))

-- max/min keep the subtype of the chosen argument
local function mt(v) return tostring(v) .. "/" .. math.type(v) end
print(mt(math.max(1, 2.0)), mt(math.max(2, 1.0)), mt(math.min(1, 2.0)), mt(math.min(1.0, 1)))
print(mt(math.max(3)), mt(math.min(-0.0, 0.0)), mt(math.max(maxi, 2^63)), mt(math.min(mini, -2^63)))
print(math.max(5, 9, -2, 9.5, 0), math.min(5, 9, -2, 9.5, 0))
print(math.max(-math.huge, mini), math.min(math.huge, maxi))
print(pcall(math.max))
print(pcall(math.min))
print(pcall(math.max, 1, "x"))

-- abs of mininteger wraps around
print(math.abs(mini) == mini, math.abs(maxi) == maxi)

-- comparisons between integers and floats at the edges
print(maxi == 2^63 - 1, maxi < 2^63, mini <= -2^63, 2^53 == 2^53 + 1, (2^53 | 0) + 1)
print(math.tointeger(2^53), math.tointeger(-2^63), math.tointeger(2^63))
