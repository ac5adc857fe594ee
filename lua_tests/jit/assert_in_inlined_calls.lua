-- assert called from functions that a hot loop inlines: a holding assertion is a guard, it returns all its
-- arguments, and one that fails raises from the interpreter with the message and position lua5.4 gives.
local function check_range(t, i)
  assert(i >= 1 and i <= #t, "index out of range")
  return t[i]
end

local function set(self, k, v)
  assert(type(k) == "number", "key must be a number")
  local old = assert(self.data, "no data")
  old[k] = v
  return self
end

local obj = {data = {}}
local t = {}
for i = 1, 200 do t[i] = i * 3 end
local sum = 0
for i = 1, 200 do
  sum = sum + check_range(t, i)
  set(obj, i, sum)
end
assert(sum == 3 * 200 * 201 / 2)
assert(obj.data[200] == sum)

-- all arguments come back
local function passthrough(...) return assert(...) end
local n = 0
for i = 1, 100 do
  local a, b, c = passthrough(i, "msg", i * 2)
  if a == i and b == "msg" and c == i * 2 then n = n + 1 end
end
assert(n == 100)

-- a failing assertion deep in a hot loop: message with the assert's position, from a pcall
local function deep(i) return check_range(t, i) end
local ok, err = pcall(function()
  local s = 0
  for i = 1, 300 do s = s + deep(i) end
  return s
end)
assert(not ok)
print(err)

-- an assertion whose message is not a string: the value is the error
ok, err = pcall(function()
  for i = 1, 300 do assert(i < 250, {code = i}) end
end)
assert(not ok and type(err) == "table" and err.code == 250)

-- assert with a false (not nil) value and no message
ok, err = pcall(function()
  local flags = {}
  for i = 1, 300 do flags[i] = i ~= 270 end
  for i = 1, 300 do assert(flags[i]) end
end)
print(ok, err)
print(sum, n)
