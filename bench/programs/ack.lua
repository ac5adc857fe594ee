-- Ackermann function A(2, n) and A(3, k): deep, non-tail recursion with tiny bodies.
-- quick: 3
local n = tonumber(arg and arg[1]) or 10

local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end

local total = 0
for rep = 1, 20 do
  for k = 1, n do total = total + ack(2, k) end
end
print(string.format("ack(3,%d) = %d  sum = %d", n, ack(3, n), total))
