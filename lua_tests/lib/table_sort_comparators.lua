-- table.sort: default order for numbers/strings, custom comparators, records by key, and errors
local function s(t, cmp) table.sort(t, cmp) return table.concat(t, " ") end

print(s({5, 3, 9, 1, 7, 2}))
print(s({3.5, -1, 2, 0.25, -7.5}))
print(s({1, 2.5, 2, 1.5}))
print(s({"banana", "Apple", "cherry", "apple", "Banana"}))
print(s({"b", "a10", "a2", "a1", ""}))
print(s({5, 3, 9, 1}, function(a, b) return a > b end))
print(s({"ccc", "a", "bb", "dddd"}, function(a, b) return #a < #b end))

-- sort by absolute value, then by sign for a total order
print(s({-3, 2, -1, 3, 1, -2}, function(a, b)
  if math.abs(a) ~= math.abs(b) then return math.abs(a) < math.abs(b) end
  return a < b
end))

-- records sorted by multiple keys (ties broken explicitly: stability is not assumed)
local people = {
  {name = "Ann", age = 30}, {name = "Bob", age = 25}, {name = "Cid", age = 30},
  {name = "Dee", age = 25}, {name = "Eve", age = 35},
}
table.sort(people, function(x, y)
  if x.age ~= y.age then return x.age < y.age end
  return x.name < y.name
end)
local out = {}
for i, p in ipairs(people) do out[i] = p.name .. ":" .. p.age end
print(table.concat(out, " "))

-- empty and single-element tables
print(s({}), s({42}))

-- already sorted, reversed and all equal inputs
local asc, desc, same = {}, {}, {}
for i = 1, 50 do asc[i] = i; desc[i] = 51 - i; same[i] = 7 end
table.sort(asc); table.sort(desc); table.sort(same)
print(asc[1], asc[50], desc[1], desc[50], same[1], same[50])

-- mixed types cannot be compared
print(pcall(table.sort, {1, "x", 2}))
print(pcall(table.sort, {{}, {}}))

-- comparator errors propagate
print(pcall(table.sort, {3, 2, 1}, function(a, b) error("cmp failed", 0) end))

-- bad arguments
print(pcall(table.sort, {1, 2}, 42))
print(pcall(table.sort, "abc"))

-- __lt metamethod is used by the default comparator
local mt = {__lt = function(a, b) return a.v < b.v end}
local objs = {}
for i, v in ipairs({4, 1, 3, 2}) do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
for i, o in ipairs(objs) do io.write(o.v, " ") end
print()
