-- debug.setlocal of a captured local that only its declaration writes: the closures that traces call see it.
local function outer()
  local C = 5
  local function c() return C end
  local acc = 0
  for i = 1, 400 do
    acc = acc + c()
    if i == 300 then
      local name = debug.setlocal(1, 1, 50)
      assert(name == "C")
    end
  end
  return acc
end
assert(outer() == 300 * 5 + 100 * 50)
print("ok")
