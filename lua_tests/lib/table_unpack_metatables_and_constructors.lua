-- table.unpack of a table with a metatable: __index answers only for the absent (nil) keys in the range, present
-- array values come straight from the table; a constructor taking all of a call's results ({ f() }) builds the
-- array part at once, with nils inside and at the end, and into tables that already hold keys.
local calls = 0
local mt = { __index = function(t, k) calls = calls + 1; return "idx" .. k end }

local full = setmetatable({ 10, 20, 30, 40 }, mt)
assert(select("#", table.unpack(full)) == 4)
local a, b, c, d = table.unpack(full)
assert(a == 10 and b == 20 and c == 30 and d == 40 and calls == 0)

local holed = setmetatable({ 1, nil, 3 }, mt)
local x, y, z = table.unpack(holed, 1, 3)
assert(x == 1 and y == "idx2" and z == 3 and calls == 1)
local p, q = table.unpack(full, 4, 5)  -- past the end: __index answers for 5
assert(p == 40 and q == "idx5" and calls == 2)

-- a metatable without __index
local plain_mt = setmetatable({ 5, 6 }, {})
local u, v = table.unpack(plain_mt)
assert(u == 5 and v == 6)

-- constructors from multiple results
local function many(...) return ... end
local t1 = { many(1, 2, 3) }
assert(#t1 == 3 and t1[3] == 3)
local t2 = { many(1, nil, 3) }
assert(t2[1] == 1 and t2[2] == nil and t2[3] == 3)
local t3 = { many(1, 2, nil) }
assert(t3[1] == 1 and t3[2] == 2 and t3[3] == nil and select("#", many(1, 2, nil)) == 3)
local t4 = { many() }
assert(next(t4) == nil)
local t5 = { x = 1, many(7, 8) }
assert(t5.x == 1 and t5[1] == 7 and t5[2] == 8 and #t5 == 2)
local t6 = { 1, 2, many(3, 4) }
assert(#t6 == 4 and t6[4] == 4)
local t7 = { [1] = "one", many(9) }  -- the positional value wins over [1]
assert(t7[1] == 9)
t1[4] = 4
assert(#t1 == 4)
table.insert(t2, 9)
assert(t2[1] == 1 and t2[3] == 3)

-- the same in a loop (traced under the JIT)
local big = setmetatable({}, mt)
for i = 1, 50 do big[i] = i end
local sum = 0
for r = 1, 300 do
  local copy = { table.unpack(big) }
  sum = sum + #copy + copy[r % 50 + 1]
  local copy2 = { many(r, nil, r) }
  sum = sum + copy2[3]
end
assert(sum == 15000 + 6 * 1275 + 300 * 301 // 2, sum)
print("ok")
