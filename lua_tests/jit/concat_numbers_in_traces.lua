-- `..` of strings and numbers in hot loops: the trace formats the numbers itself (integers as %d, floats as Lua's
-- %.14g with ".0" after integral values, nan/inf as C prints them), and a value of another type (a table with
-- __concat, a boolean: an error) leaves the trace to the interpreter.

local floats = { 0.5, -0.0, 1e15, 1e16, 1 / 3, 2 ^ 53, 1e100, 100.0, -1e-5, math.huge, -math.huge, 0 / 0 }
local ints = { 0, -1, math.maxinteger, math.mininteger, 42 }
local out = {}
for round = 1, 40 do
  local f = floats[round % #floats + 1]
  local i = ints[round % #ints + 1]
  out[#out + 1] = "r" .. round .. ":" .. i .. "/" .. f .. ";"
  out[#out + 1] = i .. f
end
print(table.concat(out, " "))

local total = 0
for k = 1, 500 do
  local s = "id" .. k .. "," .. (k * 0.25) .. ";" .. (k % 7)
  total = total + #s
end
print(total)

-- a table with __concat halfway through, then a boolean (an error with the operand named)
local mt = { __concat = function(a, b)
  local x = type(a) == "table" and "T" or a
  local y = type(b) == "table" and "T" or b
  return string.format("%s+%s", x, y)
end }
local vals = {}
for k = 1, 300 do vals[k] = k end
vals[200] = setmetatable({}, mt)
local acc = {}
for k = 1, 300 do acc[#acc + 1] = vals[k] .. "." end  -- (two operands: lua5.4 crashes on a table amid more)
print(acc[1], acc[199], acc[200], acc[201], #table.concat(acc))
vals[250] = true
print(pcall(function()
  local n = 0
  for k = 1, 300 do n = n + #("v" .. vals[k] .. k) end
  return n
end))
