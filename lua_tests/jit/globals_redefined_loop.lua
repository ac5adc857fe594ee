-- Globals read and written in hot loops, a global function and a global value redefined mid-loop.
counter = 0
step = 1
function bump(x) return x + step end
for i = 1, 500 do
  counter = bump(counter)
  if i == 200 then step = 2 end
  if i == 300 then function bump(x) return x * 1 + step * 10 end end
  if i == 400 then step = 0.5 end
end
print(counter, math.type(counter))

-- global switched between a table and a function
G = {v = 3}
local acc = 0
for i = 1, 400 do
  if type(G) == "table" then acc = acc + G.v else acc = acc + G() end
  if i == 150 then G = function() return 7 end end
  if i == 250 then G = setmetatable({}, {__index = function() return 11 end}) end
end
print(acc)

-- global created and deleted inside the loop
local seen = 0
for i = 1, 300 do
  if i % 2 == 0 then TMPG = i else TMPG = nil end
  if TMPG then seen = seen + TMPG end
end
print(seen, TMPG)

-- _ENV replaced inside a function loop
local function withenv()
  local _ENV = {print = print, x = 1}
  for i = 1, 300 do
    x = x + i
    if i == 150 then _ENV = {print = print, x = -x} end
  end
  return x
end
print(withenv())
-- standard library global overwritten and restored
local realmax = math.max
local mm = 0
for i = 1, 300 do
  if i == 100 then math.max = function(a, b) return -1 end end
  if i == 200 then math.max = realmax end
  mm = mm + math.max(i, 150)
end
print(mm)
print("ok")
