-- The math library, incl. a seeded xoshiro256** sequence identical to lua5.4's (output compared with lua5.4).
math.randomseed(42)
print(math.random(1, 100), math.random(), math.random(10), math.random(0), math.random(-5, 5), math.random(1, 1000000007))
print(math.randomseed(7, 3))
for i = 1, 5 do print(math.random(6)) end
print(math.floor(3.7), math.floor(-3.5), math.ceil(3.2), math.floor(1e100), math.floor(5), math.ceil(-0.5))
print(math.abs(-3), math.abs(-3.5), math.abs(math.mininteger), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, 2), math.fmod(1, 0.0))
print(math.modf(3.7), math.modf(-3.7), math.modf(5), math.modf(math.huge))
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.type(1), math.type(1.0), math.type("1"))
print(math.ult(1, -1), math.max(1, 5, 3), math.min(2.5, 1, 3), math.max(1, 2.0))
print(math.log(8, 2), math.log(100, 10), math.log(0), math.log(-1), math.exp(0), math.sqrt(16), math.sqrt(-1))
print(math.sin(0), math.cos(0), math.atan(1, 1), math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger)
print(pcall(math.random, 2, 1), pcall(math.fmod, 1, 0), pcall(math.floor, "x"))
print(8 // 0.0, -8 // 0.0, 0/0 ~= 0/0, math.floor(-0.0))
