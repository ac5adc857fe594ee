-- Nested loops: numeric for inside while, while inside numeric for, repeat inside generic for; bounds change.
local total = 0
local w = 0
while w < 30 do
  w = w + 1
  for j = 1, w * 10 do
    total = total + (j % w)
  end
end
print(total)

local t2 = 0
for i = 1, 400 do
  local k = i
  while k > 1 do
    if k % 2 == 0 then k = k // 2 else k = 3 * k + 1 end
    t2 = t2 + 1
  end
end
print(t2)

local words = {}
for i = 1, 300 do words[i] = string.rep("a", i % 9) end
local t3 = 0
for idx, wd in ipairs(words) do
  local n = 0
  repeat
    n = n + 1
    t3 = t3 + n
  until n >= #wd
end
print(t3)

-- inner loop bound is a float some of the time, outer loop step negative
local t4 = 0
for i = 300, 1, -1 do
  local lim = (i % 4 == 0) and i / 40 or i // 40
  for j = 1, lim do t4 = t4 + j end
end
print(t4)

-- triple nesting with inner break and outer accumulation type change
local t5 = 0
for a = 1, 10 do
  for b = 1, 10 do
    local c = 0
    while true do
      c = c + 1
      if c > a + b then break end
      t5 = t5 + c
    end
  end
  if a == 5 then t5 = t5 + 0.25 end
end
print(t5)
print("ok")
