-- Array part growth, holes, t[#t+1] appends and table.insert/remove inside hot loops.
local t = {}
for i = 1, 400 do
  if i % 3 == 0 then table.insert(t, 1, i) else t[#t + 1] = i end
  if i % 10 == 0 then table.remove(t) end
end
local s = 0
for i = 1, #t do s = s + t[i] * i end
print(#t, s, t[1], t[#t])

-- holes: write sparse indices, then read with nil checks
local h = {}
for i = 1, 600, 2 do h[i] = i end
local cnt, nils = 0, 0
for i = 1, 600 do
  if h[i] == nil then nils = nils + 1 else cnt = cnt + h[i] end
end
print(cnt, nils)
-- fill the holes mid-loop
for i = 2, 600, 2 do h[i] = -i end
local ps = 0
for i = 1, 600 do ps = ps + h[i] end
print(ps, #h)

-- insert in the middle, remove from the middle
local m = {}
for i = 1, 300 do
  table.insert(m, (i % (#m + 1)) + 1, i)
end
local chk = 0
for i = 1, 300 do
  local v = table.remove(m, (i % #m) + 1)
  chk = chk + v * (i % 5)
end
print(#m, chk)
-- array of mixed types appended
local mix = {}
for i = 1, 400 do
  local v = (i % 4 == 0) and tostring(i) or ((i % 4 == 1) and i * 0.5 or i)
  mix[#mix + 1] = v
end
local ns, ss = 0, 0
for _, v in ipairs(mix) do
  if type(v) == "string" then ss = ss + #v else ns = ns + v end
end
print(#mix, ns, ss)
print("ok")
