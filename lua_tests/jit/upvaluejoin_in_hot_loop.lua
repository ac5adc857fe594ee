-- debug.upvaluejoin in the middle of a hot loop: the traced calls must use the closure's new cell (a fixed one
-- becomes another function's, which that function writes) from the next call on.
local A, B = 1, 2
local function get_a() return A end
local function bump_b() B = B + 1 end
local sum = 0
for i = 1, 400 do
  sum = sum + get_a()
  if i == 200 then debug.upvaluejoin(get_a, 1, bump_b, 1) end
  if i > 200 then bump_b() end
end
assert(sum == 200 + (2 + 201) * 200 // 2, sum)

-- a mutable upvalue joined the same way
local C, D = 0, 1000
local function inc_c() C = C + 1 return C end
local function get_d() return D end
local last
for i = 1, 300 do
  last = inc_c()
  if i == 150 then debug.upvaluejoin(inc_c, 1, get_d, 1) end
end
assert(last == 1150 and C == 150 and get_d() == 1150, last)
print("ok")
