-- table.sort without a comparator: strings and integers come out in `<` order, whatever their bytes or range, and
-- arrays behind __index/__newindex are read and written through them.

local function insertion_sorted(t)
  local r = {}
  for i = 1, #t do
    local v, j = t[i], i - 1
    while j >= 1 and v < r[j] do
      r[j + 1] = r[j]
      j = j - 1
    end
    r[j + 1] = v
  end
  return r
end

local function check(t, what)
  local want = insertion_sorted(t)
  table.sort(t)
  for i = 1, #want do
    assert(t[i] == want[i] and math.type(t[i]) == math.type(want[i]),
           what .. ": position " .. i .. " has " .. tostring(t[i]) .. ", wants " .. tostring(want[i]))
  end
end

check({ "beta", "alpha", "al", "alpha\0z", "alpha\0", "", "\255x", "\127", "Zeta", "zeta", "alpha" }, "strings")
check({ 3, -7, math.maxinteger, 0, math.mininteger, 3, 42, -1, 1 << 40, -(1 << 40) }, "integers")
check({ 2.5, -0.5, 1e300, -1e300, 0.1, 2.5 }, "floats")
check({ 3, 1.5, 2, -4.25, 7, 0.0 }, "mixed numbers")

-- seeded data, larger than the quicksort's small cases
local seed = 7
local function rnd(n)
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed % n
end
local ints, strs = {}, {}
for i = 1, 300 do
  ints[i] = rnd(1000) - 500
  strs[i] = string.char(65 + rnd(26), 65 + rnd(26)) .. string.rep("x", rnd(3))
end
check(ints, "seeded integers")
check(strs, "seeded strings")

-- through a proxy: every read goes to __index and every write to __newindex
local store = { "pear", "apple", "fig", "kiwi" }
local reads, writes = 0, 0
local proxy = setmetatable({}, {
  __index = function(_, k) reads = reads + 1; return store[k] end,
  __newindex = function(_, k, v) writes = writes + 1; store[k] = v end,
  __len = function() return #store end,
})
table.sort(proxy)
assert(table.concat(store, ",") == "apple,fig,kiwi,pear", table.concat(store, ","))
assert(reads >= 4 and writes >= 4, "the proxy's metamethods were used")

-- not all of one kind: the comparison errors as before
local ok, err = pcall(table.sort, { 1, "2", 3 })
assert(not ok and err:find("attempt to compare"), err)
ok, err = pcall(table.sort, { "a", "b", {} })
assert(not ok and err:find("attempt to compare"), err)
