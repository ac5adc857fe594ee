-- while/repeat loops with break and goto continue, where the exit branch flips at different iterations.
local i, s = 0, 0
while true do
  i = i + 1
  if i % 3 == 0 then goto continue end
  if i > 600 then break end
  s = s + i
  ::continue::
end
print(i, s)

local r, odd = 0, 0
repeat
  r = r + 1
  if r % 2 == 0 then goto skip end
  odd = odd + r
  ::skip::
until r >= 500
print(r, odd)

-- nested with break out of inner only; limit changes per outer iteration
local hits = 0
for a = 1, 40 do
  local b = 0
  while true do
    b = b + 1
    if b * a > 300 then break end
    if (a + b) % 5 == 0 then goto cont end
    hits = hits + 1
    ::cont::
  end
end
print(hits)

-- goto backwards as a loop
local k, acc = 0, 0
::top::
k = k + 1
acc = acc + (k % 7 == 0 and 0.5 or 1)
if k < 450 then goto top end
print(k, acc)

-- break from a loop whose variable type changed
local x = 1
local steps = 0
while x < 1e6 do
  steps = steps + 1
  if steps == 200 then x = x + 0.5 end
  x = x + 1
  if steps > 10000 then break end
  if x == 400.5 then break end
end
print(x, steps)
-- repeat with local in until, break inside nested if
local n = 0
repeat
  n = n + 1
  local done = n >= 350
  if n == 777 then break end
until done
print(n)
print("ok")
