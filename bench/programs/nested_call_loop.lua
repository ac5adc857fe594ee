-- A nested loop whose inner body calls a small Lua function.
-- quick: 10
local function mix(a, b) return (a * 31 + b) % 1000003 end
local n = tonumber(arg and arg[1]) or 28000
local h = 0
for i = 1, n do
  for j = 1, 1000 do h = mix(h, i + j) end
end
print(h)
