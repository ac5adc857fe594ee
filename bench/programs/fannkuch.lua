-- Fannkuch-redux: permutations and prefix reversals of a small integer array; array reads/writes and branches.
-- quick: 6
local n = tonumber(arg and arg[1]) or 10

local perm, work, count = {}, {}, {}
for i = 1, n do perm[i] = i end

local checksum, max_flips, index = 0, 0, 0
while true do
  -- Count the flips for the current permutation.
  local first = perm[1]
  if first ~= 1 then
    for i = 1, n do work[i] = perm[i] end
    local flips = 0
    local k = first
    while k ~= 1 do
      local lo, hi = 1, k
      while lo < hi do
        work[lo], work[hi] = work[hi], work[lo]
        lo, hi = lo + 1, hi - 1
      end
      flips = flips + 1
      k = work[1]
    end
    if flips > max_flips then max_flips = flips end
    if index % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
  end
  -- Next permutation in the rotation order: rotate the first r elements, r growing as counters wrap.
  index = index + 1
  local r = 2
  while true do
    if r > n then
      print(checksum)
      print(string.format("Pfannkuchen(%d) = %d", n, max_flips))
      return
    end
    local head = perm[1]
    for i = 1, r - 1 do perm[i] = perm[i + 1] end
    perm[r] = head
    local c = (count[r] or 0) + 1
    if c < r then count[r] = c; break end
    count[r] = 0
    r = r + 1
  end
end
