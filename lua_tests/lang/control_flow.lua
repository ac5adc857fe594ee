-- while, repeat (whose condition sees the body's locals), numeric for edge cases, goto and break.
local n = 0
while true do n = n + 1; if n == 5 then break end end
assert(n == 5, "break leaves a while loop")

local k = 0
repeat local z = k; k = k + 1 until z >= 3
assert(k == 4, "repeat-until sees the body's locals")

local out = {}
for i = 10, 1, -3 do out[#out + 1] = i end
assert(#out == 4 and out[4] == 1, "negative step")

local count = 0
for i = 9223372036854775805, 9223372036854775807 do count = count + 1 end
assert(count == 3, "a loop up to maxinteger ends")

local fl = {}
for x = 1.0, 2.0, 0.25 do fl[#fl + 1] = x end
assert(#fl == 5 and fl[5] == 2.0, "float loop")

for _ = 1, 0 do error("an empty loop must not run") end

local odd = {}
for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  odd[#odd + 1] = i
  ::continue::
end
assert(#odd == 3 and odd[3] == 5, "goto continue")

do
  local i = 1
  ::top::
  if i < 4 then i = i + 1; goto top end
  assert(i == 4, "backward goto loops")
end

local function deep(m) if m == 0 then return "bottom" end return deep(m - 1) end
assert(deep(200000) == "bottom", "tail calls run in constant space")
print("control flow ok", n, k, count)
