-- A side trace grows from a guard of the outer loop's trace (a branch that flips every other iteration) and calls
-- a metamethod whose own loop runs as an inner trace in a nested activation: side trace, outer trace and inner
-- trace are live at once, and the results must be those of the interpreter.
local mt = {__index = function(t, k)
  local s = 0
  for i = 1, 40 do s = s + i * k end      -- the inner trace
  return s
end}
local v = setmetatable({}, mt)
local even, odd = 0, 0
for i = 1, 600 do                          -- the outer trace
  if i % 2 == 0 then
    even = even + v[i]                    -- one path, recorded in the outer trace or its side trace
  else
    odd = odd + v[i] * 2                  -- the other path
  end
end
print(even, odd)
local e2, o2 = 0, 0
for i = 1, 600 do
  if i % 2 == 0 then e2 = e2 + 820 * i else o2 = o2 + 820 * i * 2 end
end
assert(even == e2 and odd == o2)
print("ok")
