-- math.random with fixed math.randomseed values: integer ranges, floats, full 64-bit and errors
math.randomseed(42)
local seq = {}
for i = 1, 10 do seq[i] = math.random(1, 100) end
print(table.concat(seq, " "))

-- the same seed reproduces the same sequence
math.randomseed(42)
local again = {}
for i = 1, 10 do again[i] = math.random(1, 100) end
print(table.concat(again, " ") == table.concat(seq, " "))

-- single-argument form and float form
math.randomseed(7)
local ints, floats = {}, {}
for i = 1, 8 do ints[i] = math.random(6) end
for i = 1, 4 do floats[i] = string.format("%.10f", math.random()) end
print(table.concat(ints, " "))
print(table.concat(floats, " "))

-- random(0) gives full 64-bit integers
math.randomseed(123)
print(math.random(0), math.random(0))

-- negative ranges and a range of one value
math.randomseed(2024)
local neg = {}
for i = 1, 6 do neg[i] = math.random(-10, -5) end
print(table.concat(neg, " "), math.random(3, 3), math.random(-1, -1))

-- extreme ranges
math.randomseed(99)
print(math.random(math.mininteger, math.maxinteger), math.random(0, math.maxinteger))

-- two-argument seed
math.randomseed(1, 2)
print(math.random(1000), math.random(1000), math.random(1000))

-- float seed with an integral value and results are always in range
math.randomseed(5.0)
local ok = true
for _ = 1, 200 do
  local r = math.random(3, 9)
  if r < 3 or r > 9 or math.type(r) ~= "integer" then ok = false end
  local f = math.random()
  if f < 0 or f >= 1 then ok = false end
end
print(ok)

-- errors
print(pcall(math.random, 2, 1))
print(pcall(math.random, 0.5))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, -1))
