-- Numbers stored into table slots in hot loops (the JIT may overwrite an unshared old number object in place):
-- values shared with other tables, locals, upvalues and keys must never change behind the program's back.
local a, b = {}, {}
local shared = 123456 * 7
a[1], b[1] = shared, shared
local t = {x = 2.5 * 3, y = 1000000}
local keep = t.x
local ukeep = t.y
local function peek() return ukeep end
local keyed = {}
for i = 1, 500 do
  a[1] = a[1] + i                 -- was shared with b[1] and `shared` at first
  t.x = t.x * 1.001 + i           -- `keep` holds the first float
  t.y = t.y - 3 * i               -- an upvalue holds the first int; crosses zero and changes sign
  if i % 100 == 0 then
    keyed[a[1]] = i               -- an int used as a key, then overwritten in its slot
    b[2] = t.y                    -- copied into another table: now shared
  end
end
print(a[1], b[1], shared, keep, peek(), t.y, b[2], string.format("%.6f", t.x))
local ks = {}
for k, v in pairs(keyed) do ks[#ks + 1] = k .. "=" .. v end
table.sort(ks)
print(table.concat(ks, " "))
assert(b[1] == 864192 and shared == 864192 and keep == 7.5 and peek() == 1000000)

-- growing past one digit, wrapping, and floats turning into ints and back in the same slot
local arr = {1, 2.0, -3, 2^40}
for i = 1, 300 do
  arr[1] = arr[1] * 3 + 1         -- wraps around 2^63 several times
  arr[2] = (i % 3 == 0) and i or arr[2] / 2
  arr[3] = -arr[3] + i
  arr[4] = arr[4] // 2 + 1
end
print(arr[1], arr[2], arr[3], arr[4], math.type(arr[2]))
