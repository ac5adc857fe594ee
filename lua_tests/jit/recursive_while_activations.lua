-- A recursive function whose while loop re-enters the same function (through pcall, a new activation of the
-- dispatch loop) on each iteration, alternating between two loop locations: inner traces run and deoptimise while
-- outer ones are live. The printed sequence must not depend on the JIT.
local out = {}
local function walk(depth, width)
  local i = 0
  if depth % 2 == 0 then
    while i < width do                   -- loop location A
      i = i + 1
      if depth > 0 then
        local ok, v = pcall(walk, depth - 1, width - 1)
        out[#out + 1] = v
      end
    end
  else
    while i < width do                   -- loop location B
      i = i + 2
      if depth > 0 then
        local ok, v = pcall(walk, depth - 1, width)
        out[#out + 1] = v * 2
      end
    end
  end
  return depth * 1000 + i
end
print(walk(5, 9))
print(#out)
local sum = 0
for k = 1, #out do sum = sum + out[k] end
print(sum)
print(out[1], out[2], out[#out - 1], out[#out])
