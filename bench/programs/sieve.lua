-- Sieve of Eratosthenes, repeated: boolean array writes with strided inner loops.
-- quick: 2
local rounds = tonumber(arg and arg[1]) or 200
local limit = 100000

local count
for _ = 1, rounds do
  local composite = {}
  for i = 1, limit do composite[i] = false end
  count = 0
  for i = 2, limit do
    if not composite[i] then
      count = count + 1
      for j = i * i, limit, i do composite[j] = true end
    end
  end
end
print(string.format("%d primes below %d (x%d)", count, limit, rounds))
