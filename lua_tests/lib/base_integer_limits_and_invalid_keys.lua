-- integer limits in the base and table libraries (wrap-around as PUC's unsigned arithmetic), invalid keys for
-- next, tonumber with a '+' sign and a base, and table.sort's size limit
local maxi, mini = math.maxinteger, math.mininteger

-- ipairs' iterator wraps around after maxinteger
local f = ipairs({})
print(f({[mini] = 10}, maxi))
print(f({[mini] = 10}, mini))
print(f({10, 20}, 1.0))

-- next: a key that is not in the table is an error, also a positive integer past the array
print(pcall(next, {10, 20}, 3))
print(pcall(next, {10, 20}, 2.5))
print(pcall(next, {10, 20, x = 1}, "y"))
print(next({10, 20}, 2))
-- keys removed during a traversal stay valid for next
local t = {1, 2, 3, 4, 5}
local seen = 0
for k in pairs(t) do
  t[k] = nil
  seen = seen + 1
end
print("cleared", seen, next(t))
t = {1, 2, 3, 4, 5, a = 1, b = 2}
seen = 0
for k in pairs(t) do
  if k == 3 then table.remove(t) table.remove(t) end
  seen = seen + 1
end
print("removed", seen >= 5)

-- table.insert at the end of a table whose length is maxinteger wraps to mininteger
local big = setmetatable({}, {__len = function() return maxi end})
table.insert(big, 20)
print(next(big))
print(pcall(table.insert, setmetatable({}, {__len = function() return maxi end}), 0, 1))
print(pcall(table.insert, {1, 2}, 4, 1))
print(pcall(table.insert, {1, 2}, -1, 1))

-- tonumber with a base takes an optional sign
print(tonumber("  +1Z  ", 36), tonumber("  -1z  ", 36), tonumber("+10", 2), tonumber("+", 10), tonumber("+-1", 10))

-- table.sort: nothing to compare below two elements; an array of INT_MAX elements or more is too big
table.sort(setmetatable({}, {__len = function() return -1 end}), error)
print(pcall(table.sort, setmetatable({}, {__len = function() return maxi end})))
print(pcall(table.sort, {3, 1, 2}, 1))
print(pcall(table.sort, {1}, 1))
