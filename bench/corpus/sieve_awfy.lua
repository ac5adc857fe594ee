-- Are-We-Fast-Yet Sieve: primes below 5000 with a table of boolean flags and a while loop, in a benchmark class.
-- quick: 20
local N = tonumber(arg and arg[1]) or 6000

local Sieve = {}
Sieve.__index = Sieve

function Sieve.new()
  return setmetatable({}, Sieve)
end

function Sieve:benchmark()
  local flags = {}
  for i = 1, 5000 do flags[i] = true end
  return self:sieve(flags, 5000)
end

function Sieve:verify_result(result)
  return result == 669
end

function Sieve:sieve(flags, size)
  local prime_count = 0
  for i = 2, size do
    if flags[i - 1] then
      prime_count = prime_count + 1
      local k = i + i
      while k <= size do
        flags[k - 1] = false
        k = k + i
      end
    end
  end
  return prime_count
end

local bench = Sieve.new()
local result
for i = 1, N do
  result = bench:benchmark()
  if not bench:verify_result(result) then
    error("Sieve: wrong result " .. result .. " in iteration " .. i)
  end
end
print("Sieve: " .. N .. " iterations, " .. result .. " primes")
