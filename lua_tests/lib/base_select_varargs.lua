-- select: positive and negative indices, '#', trailing nils and argument errors
print(select(1, "a", "b", "c"))
print(select(2, "a", "b", "c"))
print(select(3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(select('#'))
print(select('#', nil))
print(select('#', nil, nil, nil))
print(select('#', 1, nil))

-- negative indices count from the end
print(select(-1, "a", "b", "c"))
print(select(-2, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
assert(select(-1, 10, 20, 30) == 30)

-- index beyond the end yields nothing
print(select('#', select(10, 1, 2)))

-- errors
local ok, msg = pcall(select, 0, "a")
print(ok, msg)
ok, msg = pcall(select, -4, "a", "b", "c")
print(ok, msg)
ok, msg = pcall(select, "x")
print(ok, msg)
ok, msg = pcall(select)
print(ok, msg)

-- float index with exact integer value is accepted
print(select(2.0, "p", "q"))
ok, msg = pcall(select, 1.5, "p")
print(ok, msg)

-- numeric string index
print(select("2", "p", "q", "r"))

-- using select in a vararg function
local function count(...) return select('#', ...) end
local function last(...) local n = select('#', ...) if n == 0 then return nil end return (select(n, ...)) end
print(count(), count(nil), count(1, nil, nil), last(4, 5, 6), last())

local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + (select(i, ...) or 0) end
  return s
end
print(sum(1, 2, nil, 4), sum())
