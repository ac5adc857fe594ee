-- Sieve of Eratosthenes with a table of boolean flags, for m = 2^n*10000, 2^(n-1)*10000 and 2^(n-2)*10000.
-- quick: 1
local N = tonumber(arg and arg[1]) or 9

local function nsieve(m, isPrime)
  for i = 2, m do
    isPrime[i] = true
  end
  local count = 0
  for i = 2, m do
    if isPrime[i] then
      for k = i + i, m, i do
        isPrime[k] = false
      end
      count = count + 1
    end
  end
  return count
end

local flags = {}
for d = 0, 2 do
  local m = math.floor(2 ^ (N - d) * 10000)
  io.write(string.format("Primes up to %8d %8d\n", m, nsieve(m, flags)))
end
