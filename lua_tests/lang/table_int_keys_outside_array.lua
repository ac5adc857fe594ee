-- Integer keys that do not start at 1 or arrive out of order: the table's border (#) after each kind of fill, as
-- lua5.4 gives it, and the values themselves through every kind of access (sieves fill from 2, C-style code from 0).
local function border_after(fill)
  local t = {}
  fill(t)
  return #t
end
print("from 2", border_after(function(t) for i = 2, 1000 do t[i] = true end end))
print("from 0", border_after(function(t) for i = 0, 20 do t[i] = i end end))
print("reverse", border_after(function(t) for i = 10, 1, -1 do t[i] = i end end))
print("doubling", border_after(function(t) t[1] = 1; t[2] = 2; t[4] = 4; t[8] = 8; t[16] = 16 end))
print("evens", border_after(function(t) for i = 1, 10 do t[i * 2] = i end end))
print("sparse", border_after(function(t) for i = 1, 5 do t[i * 100] = i end end))
print("few", border_after(function(t) t[2] = 1; t[3] = 1 end), border_after(function(t) t[2] = 1; t[3] = 1; t[4] = 1 end))

-- a sieve over keys 2..m, run hot, with its count and a few spot checks
local function sieve(p, m)
  for i = 2, m do p[i] = true end
  local count = 0
  for i = 2, m do
    if p[i] then
      for k = i + i, m, i do p[k] = false end
      count = count + 1
    end
  end
  return count
end
local flags = {}
print("primes", sieve(flags, 20000), sieve(flags, 10000), flags[9973], flags[9999], flags[1], #flags)

-- keys from 0 and holes made afterwards: every key keeps its value
local t = {}
for i = 0, 300 do t[i] = i * i end
for i = 1, 300, 7 do t[i] = nil end
local sum, n = 0, 0
for k, v in pairs(t) do sum = sum + v; n = n + 1; assert(v == k * k) end
print("holes", n, sum, t[0], t[7], t[8], t[300])
for i = 1, 300, 7 do t[i] = -i end
local s2 = 0
for i = 0, 300 do s2 = s2 + t[i] end
print("refilled", s2, #t)
