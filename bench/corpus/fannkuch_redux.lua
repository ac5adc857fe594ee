-- Benchmarks-game fannkuch-redux: permutations in 0-based tables, prefix reversals, checksum and maximum flips.
-- quick: 6
local N = tonumber(arg and arg[1]) or 10

local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  local maxflips, checksum, permcount = 0, 0, 0
  for i = 0, n - 1 do perm1[i] = i end
  local r = n
  while true do
    while r ~= 1 do
      count[r - 1] = r
      r = r - 1
    end
    for i = 0, n - 1 do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[0]
    while k ~= 0 do
      local i, j = 0, k
      while i < j do
        perm[i], perm[j] = perm[j], perm[i]
        i = i + 1
        j = j - 1
      end
      flips = flips + 1
      k = perm[0]
    end
    if flips > maxflips then maxflips = flips end
    if permcount % 2 == 0 then
      checksum = checksum + flips
    else
      checksum = checksum - flips
    end
    -- next permutation
    while true do
      if r == n then return checksum, maxflips end
      local perm0 = perm1[0]
      local i = 0
      while i < r do
        local j = i + 1
        perm1[i] = perm1[j]
        i = j
      end
      perm1[r] = perm0
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
    permcount = permcount + 1
  end
end

local checksum, flips = fannkuch(N)
io.write(checksum, "\nPfannkuchen(", N, ") = ", flips, "\n")
