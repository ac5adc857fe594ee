-- Numeric for loops whose step is a variable, positive and negative, entered from traced loops: the trace is
-- specialised on the sign of the step and computes the iteration count as the interpreter does.
local out = {}
for _, st in ipairs({1, 2, 3, -1, -2, 7, -7}) do
  for r = 1, 40 do
    local c, s = 0, 0
    for j = (st > 0 and 1 or 30), (st > 0 and 30 or 1), st do c = c + 1; s = s + j end
    out[#out + 1] = c * 1000 + s
  end
end
local n = 0
for i = 1, #out do n = n + out[i] * i end
print(n)
for i = 1, 3 do for j = 10, 1, -i * 2 do io.write(j, " ") end end print()
