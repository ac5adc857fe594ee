-- math.sqrt/abs/floor/ceil computed natively in traces: integer and float arguments, negative zero, values that
-- do not fit an integer (the trace leaves them to the library), nan, and a math function replaced mid-loop.
local vals = {4.0, 2.25, -1.5, 0.5, -0.5, 7, -7, 2^70, -0.0, 3, -2^63, 1e308 * 10, -(1e308 * 10)}
local n = #vals
local acc = {}
for i = 1, 13 * 40 do
  local x = vals[i % n + 1]
  local f, c = math.floor(x), math.ceil(x)
  local key = i % n + 1
  acc[key] = string.format("%s %s %s %s %s", tostring(f), tostring(c), math.type(f), math.type(c),
                           tostring(math.abs(x)))
end
for i = 1, n do print(i, acc[i]) end

local s, t = 0, 0.0
for i = 1, 300 do
  local x = (i % 17) - 8.5
  s = s + math.floor(x) + math.ceil(x / 3)
  t = t + math.sqrt(math.abs(x)) + math.sqrt(i)
end
print(s, string.format("%.10f", t))
assert(s == -224, s)

-- sqrt of negatives gives nan (printed like lua5.4), and 1/floor(-0.5) keeps the sign rules
local nan_count = 0
for i = 1, 200 do
  local r = math.sqrt(-i)
  if r ~= r then nan_count = nan_count + 1 end
end
print(nan_count, math.sqrt(-1), 1 / math.ceil(-0.5), math.floor(-0.0), math.abs(-0.0))

-- replacing math.floor while a trace that calls it is hot
local real_floor = math.floor
local total = 0
for i = 1, 400 do
  if i == 250 then math.floor = function(v) return 1000 end end
  total = total + math.floor(i / 7)
end
math.floor = real_floor
print(total)
assert(total == 1000 * 151 + (function() local z = 0 for i = 1, 249 do z = z + i // 7 end return z end)())

-- math.min/max of two floats natively; other kinds (integers, mixes, more arguments) through the library
local fl = {0.5, -1.25, 0.0, -0.0, 3.75, 0 / 0, 1 / 0, -1 / 0}
local seen = {}
for i = 1, 8 * 8 * 4 do
  local a, b = fl[i % 8 + 1], fl[(i // 8) % 8 + 1]
  local lo, hi = math.min(a, b), math.max(a, b)
  local key = (i % 8 + 1) .. "," .. ((i // 8) % 8 + 1)
  seen[key] = tostring(lo) .. " " .. tostring(hi) .. " " .. tostring(1 / lo) .. " " .. math.type(hi)
end
for i = 1, 8 do
  local row = {}
  for j = 1, 8 do row[j] = seen[i .. "," .. j] end
  print(table.concat(row, " | "))
end
local mixed = 0
for i = 1, 300 do
  mixed = mixed + math.max(i % 7, 2.5) + math.min(i, 100) + math.max(1, 2, i % 5) + math.min(i * 0.5, 40)
end
print(mixed, math.type(math.max(3, 2.5)), math.type(math.min(2, 2.5)))
