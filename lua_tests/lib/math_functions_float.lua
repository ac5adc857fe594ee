-- math trig/exp/log/sqrt functions at exact points, rounding modes, and argument coercion
local function f(x) return string.format("%.6f", x) end
print(f(math.sin(math.pi / 2)), f(math.cos(math.pi)), f(math.tan(math.pi / 4)))
print(f(math.asin(1)), f(math.acos(0)), f(math.atan(1)), f(math.atan(1, -1)), f(math.atan(-1, -1)))
print(f(math.atan(0, -1)), f(math.atan(1, 0)), math.atan(0, 1), math.atan(0))
print(f(math.exp(1)), f(math.log(math.exp(2))), math.log(1024, 2), math.log(1000, 10), f(math.log(2, 4)))
print(math.log(0), -math.log(0), math.sqrt(-1) ~= math.sqrt(-1), math.sqrt(2) ^ 2 == 2)
print(math.sqrt(0), math.sqrt(1e100), math.exp(0), math.exp(-math.huge), math.exp(math.huge))
print(math.deg(math.pi), math.rad(180) == math.pi, math.deg(0), f(math.rad(90)))

-- floor/ceil of half values and negative zero
print(math.floor(0.5), math.floor(-0.5), math.ceil(0.5), math.ceil(-0.5))
print(math.floor(2^31 + 0.5), math.ceil(-2^31 - 0.5))

-- rounding to nearest via floor(x + 0.5)
local rounded = {}
for _, x in ipairs({1.4, 1.5, 2.5, -1.5, -2.5, 0.49999999999999994}) do
  rounded[#rounded + 1] = math.floor(x + 0.5)
end
print(table.concat(rounded, " "))

-- numeric strings are converted by math functions
print(math.sqrt("16"), math.abs("-3"), math.floor("3.9"), math.max(2, 3))

-- exponentiation always yields a float
print(2 ^ 10, 2 ^ -1, (-8) ^ (1 / 3) ~= (-8) ^ (1 / 3), 0 ^ 0, math.type(4 ^ 0.5))

-- integer/float equality in tables
local t = {}
t[1.0] = "a"; t[2] = "b"
print(t[1], t[2.0], #t)

-- errors
print(pcall(math.sin))
print(pcall(math.sqrt, {}))
print(pcall(math.log, 8, "x"))
