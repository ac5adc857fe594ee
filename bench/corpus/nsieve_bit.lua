-- Sieve of Eratosthenes with the flags packed 32 to an integer: >>, <<, &, ~ and | on table entries.
-- quick: 1
local N = tonumber(arg and arg[1]) or 10

local function nsieve(m)
  local bits = {}
  local nwords = (m >> 5) + 1
  for i = 0, nwords do
    bits[i] = 0xffffffff
  end
  local count = 0
  for p = 2, m do
    if bits[p >> 5] & (1 << (p & 31)) ~= 0 then
      count = count + 1
      for q = p + p, m, p do
        local w = q >> 5
        bits[w] = bits[w] & ~(1 << (q & 31))
      end
    end
  end
  return count
end

for d = 0, 2 do
  local m = (1 << (N - d)) * 10000
  print(string.format("Primes up to %8d %8d", m, nsieve(m)))
end
