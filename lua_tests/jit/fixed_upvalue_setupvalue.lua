-- A local that only its declaration writes is a constant to traces; debug.setupvalue can still change it, and a
-- hot (traced) loop must see the change in the very iteration that makes it, and in later runs of the loop.
local M = 7
local function m() return M end
local function setter() debug.setupvalue(m, 1, 100) end
local t = {}
for i = 1, 400 do
  local before = m()
  if i == 250 then setter() end
  t[#t + 1] = before + m()
end
assert(t[1] == 14 and t[249] == 14 and t[250] == 107 and t[251] == 200 and t[400] == 200)

local K = 10
local function scaled(x) return x * K end
local function run(n)
  local s = 0
  for i = 1, n do s = s + scaled(i) end
  return s
end
assert(run(300) == 10 * 300 * 301 // 2)
assert(debug.setupvalue(scaled, 1, 3) == "K")
assert(run(300) == 3 * 300 * 301 // 2)
print("ok")
