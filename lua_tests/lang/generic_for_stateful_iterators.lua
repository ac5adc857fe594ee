-- Generic for with closures as stateful iterators, stateless iterators with a control value, and extra values.
local function range(n, step)
  local i = 0
  return function()
    i = i + (step or 1)
    if i <= n then return i end
  end
end
local acc = {}
for v in range(10, 3) do acc[#acc + 1] = v end
assert(table.concat(acc, ",") == "3,6,9")
print(table.concat(acc, ","))

-- stateless iterator: the state and control variable are passed back in
local function evens(limit, cur)
  cur = cur + 2
  if cur <= limit then return cur, cur * cur end
end
acc = {}
for k, sq in evens, 8, 0 do acc[#acc + 1] = k .. "=" .. sq end
assert(table.concat(acc, " ") == "2=4 4=16 6=36 8=64")
print(table.concat(acc, " "))

-- the iterator stops at the first nil control value, even if other values follow
local function weird()
  local calls = 0
  return function()
    calls = calls + 1
    if calls == 3 then return nil, "ignored" end
    return calls, "x"
  end
end
local n = 0
for _, _ in weird() do n = n + 1 end
assert(n == 2)

-- false is a valid control value: the loop ends only on nil
local function flip(_, c)
  if c == nil then return true elseif c == true then return false end
end
n = 0
local got = {}
for v in flip, nil, nil do n = n + 1; got[n] = tostring(v) end
assert(n == 2 and got[2] == "false")
print(table.concat(got, " "))

-- word splitter built on string.gmatch keeps its own position
acc = {}
for w in string.gmatch("one two  three", "%a+") do acc[#acc + 1] = w:upper() end
print(table.concat(acc, "|"))

-- ipairs stops at the first hole
local holes = {1, 2, nil, 4}
n = 0
for _ in ipairs(holes) do n = n + 1 end
assert(n == 2)

-- a closing value (4th value) is accepted and closed at loop end
local closed = false
local tbc = setmetatable({}, {__close = function() closed = true end})
for i in function(_, c) if c < 3 then return c + 1 end end, nil, 0, tbc do
  assert(not closed)
end
assert(closed, "the to-be-closed value closes when the loop ends")
print("iterators ok", n, closed)
