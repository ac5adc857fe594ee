-- Three activations deep: a loop calls a metamethod whose loop calls a comparator through table.sort whose loop
-- runs too; values change type in the middle of the loops (integers become floats, then strings), so guards fail
-- in inner traces while outer traces are live.
local log = {}
local V = setmetatable({}, {__index = function(t, k)
  local acc = 0
  for i = 1, k % 7 + 3 do
    local x = (i > 4) and i + 0.5 or i    -- integer, then float
    acc = acc + x
  end
  local arr = {}
  for i = 1, 6 do arr[i] = (k * 7 + i * 3) % 11 end
  table.sort(arr, function(a, b)
    local w = 0
    for j = 1, 3 do w = w + j end         -- a loop inside the comparator activation
    return a + w < b + w
  end)
  return acc + arr[1] + arr[6]
end})
local total = 0
for k = 1, 300 do
  local v = V[k]
  if k == 200 then total = tostring(total) end  -- a type change of the outer loop's own variable
  total = total + v
end
print(total)
print(string.format("%.1f", V[10]), string.format("%.1f", V[11]))
