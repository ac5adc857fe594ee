-- A function whose loop trace leaves through a side trace that finishes at the return: the side trace gets the
-- loop frame's values as inputs and uses only some of them. The unused ones must be released like the rest: each
-- call's register list (and the table it holds) used to stay alive, one reference too many per call (130 MB
-- here).
local function fill(k)
  local r = {}
  for i = 1, 100 do r[i] = i + k end
  return 1
end
local s = 0
local marks = {}
for k = 1, 30000 do
  local r = fill(k)
  s = s + r
  if k % 10000 == 0 then collectgarbage() collectgarbage() marks[#marks + 1] = collectgarbage("count") end
end
assert(s == 30000, s)
local grown = marks[3] - marks[1]
assert(grown < 8000, ("memory grew by %.0f KB over 20000 calls"):format(grown))
print("ok")
