-- Project Euler 14: the longest Collatz chain below N, brute force with n >> 1 and n & 1 in a while loop.
-- quick: 3000
local N = tonumber(arg and arg[1]) or 700000

function collatz_length(n)
  local len = 1
  while n ~= 1 do
    if n & 1 == 0 then
      n = n >> 1
    else
      n = 3 * n + 1
    end
    len = len + 1
  end
  return len
end

local best, beststart, total = 0, 0, 0
for start = 1, N - 1 do
  local len = collatz_length(start)
  total = total + len
  if len > best then
    best, beststart = len, start
  end
end

print(string.format("longest Collatz chain below %d starts at %d and has %d terms", N, beststart, best))
print("total length " .. total)
