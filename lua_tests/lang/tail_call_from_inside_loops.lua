-- A tail call from inside a numeric or generic for loop: the callee goes in the register above the loop's own
-- (control registers and loop variables), which the function's frame must have room for.
local hits = 0
local function bump(n) hits = hits + (n or 1); return hits end

local function from_numeric_for(limit)
  for j = 1, 20 do
    if j > limit then
      return bump()
    end
  end
  return "no tail call"
end

local function from_generic_for(t)
  for k, v in pairs(t) do
    if v == "go" then
      return bump(10)
    end
  end
end

local function from_nested_loops()
  for i = 1, 3 do
    for j = 1, 3 do
      local x, y, z = i, j, i * j
      if z == 4 then return bump(z) end
    end
  end
end

for i = 1, 60 do from_numeric_for(19) end
assert(hits == 60)
assert(from_numeric_for(25) == "no tail call")
assert(from_generic_for({a = "stay", b = "go"}) == 70)
assert(from_nested_loops() == 74)
print(hits)
