-- table.insert and table.remove at explicit positions, boundary cases and their errors
local t = {"a", "b", "c"}
table.insert(t, 1, "front")
table.insert(t, 3, "mid")
table.insert(t, #t + 1, "end")
print(#t, table.concat(t, ","))

print(table.remove(t, 1), table.concat(t, ","))
print(table.remove(t, 3), table.concat(t, ","))
print(table.remove(t), table.concat(t, ","))
print(table.remove(t, #t), table.concat(t, ","))

-- remove at #t + 1 is allowed and returns nil
local r = {1, 2}
print(table.remove(r, 3), #r)

-- remove from an empty table, with and without position 0
local e = {}
print(table.remove(e), table.remove(e, 0), table.remove(e, #e))
local zero = {[0] = "zero"}
print(table.remove(zero, 0), zero[0])

-- remove position out of bounds (argument number differs between 5.4 releases: print the reason only)
local function reason(ok, msg) return ok, (msg:gsub("^bad argument #%d", "bad argument #N")) end
print(reason(pcall(table.remove, {1, 2}, 5)))
print(reason(pcall(table.remove, {1, 2}, -1)))
print(reason(pcall(table.remove, {}, 2)))

-- insert position out of bounds
print(pcall(table.insert, {1, 2}, 0, "x"))
print(pcall(table.insert, {1, 2}, 4, "x"))
print(pcall(table.insert, {1, 2}, -1, "x"))
print(pcall(table.insert, {1}, "2", "x"))
print(pcall(table.insert, {1}, 1.5, "x"))

-- wrong number of arguments
print(pcall(table.insert, {}))
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.insert, nil, 1))

-- inserting nil values
local n = {1, 2, 3}
table.insert(n, 2, nil)
print(n[1], n[2], n[3], n[4])

-- building a queue and a stack
local q = {}
for i = 1, 5 do table.insert(q, i) end
local out = {}
while #q > 0 do out[#out + 1] = table.remove(q, 1) end
print(table.concat(out, " "))
local st = {}
for i = 1, 5 do table.insert(st, 1, i) end
print(table.concat(st, " "))

-- float position with integer value
local f = {"x", "y"}
table.insert(f, 2.0, "mid")
print(table.concat(f, ","), table.remove(f, 1.0))
