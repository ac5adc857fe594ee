-- An outer loop that enters its inner loop for a few of its iterations only (a sieve, run a few times): its trace
-- should loop over the iterations that skip the inner loop, and the inner loop's exit should continue natively into
-- it once it is compiled (its side trace waits for that trace instead of giving up).

local n = 5000
local primes, marked
for _ = 1, 4 do
  local composite = {}
  for i = 1, n do composite[i] = false end
  primes, marked = 0, 0
  for i = 2, n do
    if not composite[i] then
      primes = primes + 1
      for j = i * i, n, i do
        if not composite[j] then marked = marked + 1 end
        composite[j] = true
      end
    end
  end
end
print(primes, marked)
assert(primes == 669 and primes + marked == n - 1)
