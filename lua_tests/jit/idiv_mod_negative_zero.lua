-- // and % with negative, float and zero divisors in hot loops; integer division by zero errors caught by pcall.
local function run(divs)
  local s = 0
  local res = {}
  for i = -150, 150 do
    local d = divs[(i % #divs) + 1]
    local q, r = i // d, i % d
    s = s + q + r
  end
  return s
end
print(run({3, -3, 7, -7}))
print(run({3, -3.0, 2.5, -0.5}))
local okz, ez = pcall(run, {3, -3, 0})
print(okz, (ez:gsub("^.-:%d+: ", "")))  -- 5.4 reports a stale line here
local okf, vf = pcall(run, {1, 2, 0.0})
print(okf, vf ~= vf)

local errs = 0
local sum = 0
for i = 1, 400 do
  local d = (i % 37) - 18
  local ok, v = pcall(function() return (i * 13) % d + (i * 13) // d end)
  if ok then sum = sum + v else errs = errs + 1 end
end
print(sum, errs)
assert(errs == 11)

-- float zero divisor: produces inf / nan rather than errors
local infs, nans = 0, 0
for i = 1, 350 do
  local d = (i % 5 == 0) and 0.0 or (i % 5 == 1 and -0.0 or i)
  local q = i // d
  local m = i % d
  if q == math.huge or q == -math.huge then infs = infs + 1 end
  if m ~= m then nans = nans + 1 end
end
print(infs, nans)

-- mininteger // -1 and % -1 inside loop
local t = 0
for i = 1, 300 do
  local a = (i % 2 == 0) and math.mininteger or i
  t = t + (a // -1) % 1000 + a % -1
end
print(t)
print(math.mininteger // -1, math.mininteger % -1, 5.5 % -2, -5.5 % 2, 7 // -2.0)
print("ok")
