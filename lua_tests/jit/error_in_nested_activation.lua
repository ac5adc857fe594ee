-- An error raised inside a nested activation (a metamethod with its own traced loop) while outer traces run is
-- caught by a pcall outside the loop, with the right message, and the program goes on tracing afterwards.
local mt = {__index = function(t, k)
  local s = 0
  for i = 1, 50 do s = s + i end
  if k == 250 then error("boom at " .. k) end
  return s + k
end}
local t = setmetatable({}, mt)
local function run(n)
  local acc = 0
  for i = 1, n do acc = acc + t[i] end
  return acc
end
local ok, err = pcall(run, 400)
print(ok, err)
assert(not ok and err:find("boom at 250", 1, true))
print(run(200))
assert(run(200) == 200 * 1275 + 200 * 201 // 2)
local ok2, err2 = pcall(run, 260)
print(ok2, err2)
print("done")
