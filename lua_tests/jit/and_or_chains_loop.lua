-- and/or chains and not in hot loops, with operands switching between nil/false/numbers/tables.
local vals = {false, nil, 0, "", 1.5, {}, true, -1}
local c = {}
for i = 1, 560 do
  local a = vals[i % 8 + 1]
  local b = vals[(i * 3) % 8 + 1]
  local r1 = a and b
  local r2 = a or b
  local r3 = not a and b or a
  local key = type(r1) .. type(r2) .. type(r3)
  c[key] = (c[key] or 0) + 1
end
local ks = {}
for k in pairs(c) do ks[#ks + 1] = k end
table.sort(ks)
for _, k in ipairs(ks) do io.write(k, "=", c[k], " ") end
print()

-- accumulate through ternary-ish selects, the chosen type flips mid-loop
local s = 0
local mode = false
for i = 1, 400 do
  if i == 200 then mode = 0.5 end
  local add = mode and (mode * i) or i
  local sub = (i % 3 == 0) and i or nil
  s = s + add - (sub or 0)
end
print(s)

-- assignment to the same local from and/or (reads the old value of the target)
local keep = 10
local fb = 0
for i = 1, 300 do
  local cond = (i % 4 == 0) and i or false
  keep = cond or keep
  fb = fb + keep
end
print(keep, fb)
local q = 1
for i = 1, 300 do
  q = (i % 2 == 0) and q or q + 1
end
print(q)
-- not in conditions of while loops
local n = 0
while not (n >= 350) do n = n + 1 end
print(n, not nil, not 0, not not {})
print("ok")
