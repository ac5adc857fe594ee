-- Generic for loops end with a CLOSE of their to-be-closed slot: in hot loops it must do nothing when there is
-- nothing to close, and close exactly what it must when a closing value or a <close> variable exists.
local t = {a = 1, b = 2, c = 3}
local s = 0
for i = 1, 300 do
  for _, v in pairs(t) do s = s + v end
  for j, v in ipairs({i, i + 1}) do s = s + v * j end
  for w in string.gmatch("x yy zzz", "%a+") do s = s + #w end
end
print("plain", s)

-- a <close> variable of the loop's own function, declared before the hot loop
local closed = {}
local function with_guard()
  local g <close> = setmetatable({}, {__close = function() closed[#closed + 1] = "guard" end})
  local n = 0
  for i = 1, 300 do
    for _, v in ipairs({1, 2, 3}) do n = n + v end
  end
  return n
end
print("outer close", with_guard(), #closed, closed[1])

-- iterators that come with a closing value: closed once per loop, also when a break leaves it
local opened, shut = 0, 0
local function counting(n)
  opened = opened + 1
  local tok = setmetatable({}, {__close = function() shut = shut + 1 end})
  local i = 0
  return function() i = i + 1; if i <= n then return i end end, nil, nil, tok
end
local total = 0
for k = 1, 200 do
  for v in counting(3) do
    total = total + v
    if k % 50 == 0 and v == 2 then break end
  end
end
print("closing values", total, opened, shut)
