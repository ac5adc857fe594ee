-- Loops of functions that run as function traces (called from hot loops): the trace stops at the loop start, a
-- side trace runs the loop natively, and the side traces of its body jump back into it. Accumulators that start as
-- constants, registers that change type, values two registers share, break and return inside the loop, nested
-- loops, for-in loops, varargs, closures over loop variables, recursion in the body and errors in the body all give
-- what the interpreter gives.

local function sum_to(n) -- a constant accumulator, a data-dependent trip count
  local s = 0
  for i = 1, n do s = s + i end
  return s
end

local function halves(x) -- a while loop whose register turns float on some calls
  local steps = 0
  while x > 1 do
    if x % 2 == 0 then x = x // 2 else x = x / 2 end
    steps = steps + 1
  end
  return steps, x
end

local function first_over(t, limit) -- return and break inside the loop
  for i = 1, #t do
    if t[i] > limit then return i end
  end
  return nil
end

local function count_until(t, stop)
  local n = 0
  for _, v in ipairs(t) do
    if v == stop then break end
    n = n + 1
  end
  return n
end

local function joined(...) -- varargs, a string accumulator, a conditional separator (a branch in the body)
  local out = ""
  for i = 1, select("#", ...) do
    if i > 1 then out = out .. "," end
    out = out .. tostring((select(i, ...)))
  end
  return out
end

local function shared(n) -- two registers start with the same value; only one changes
  local a = n
  local b = a
  for _ = 1, 3 do a = a + 1 end
  return a * 100 + b
end

local function grid(w, h) -- nested loops
  local cells = 0
  for y = 1, h do
    for x = 1, w do
      if (x + y) % 3 ~= 0 then cells = cells + 1 end
    end
  end
  return cells
end

local function keyed(t) -- pairs, a nil that becomes a value
  local best, total = nil, 0
  for k, v in pairs(t) do
    total = total + v
    if best == nil or k < best then best = k end
  end
  return best, total
end

local function makers(n) -- a closure over each iteration's variable
  local fs = {}
  for i = 1, n do fs[i] = function() return i * i end end
  local s = 0
  for i = 1, n do s = s + fs[i]() end
  return s
end

local function depth(node) -- recursion inside the loop
  local d = 0
  for _, child in ipairs(node) do
    local c = depth(child)
    if c > d then d = c end
  end
  return d + 1
end

local function fails_at(t, bad)
  local s = 0
  for i = 1, #t do
    if t[i] == bad then error("bad item " .. i) end
    s = s + t[i]
  end
  return s
end

local tree = { { {}, { {} } }, {}, { { { {} } } } }
local items = {}
for i = 1, 30 do items[i] = (i * 37) % 23 end

local check = 0
for round = 1, 300 do
  local n = round % 17
  assert(sum_to(n) == n * (n + 1) // 2)
  local steps, last = halves(round % 40 + 1)
  check = check + steps + (math.type(last) == "float" and 1000 or 0)
  local fo = first_over(items, round % 25)
  check = check + (fo or -1)
  check = check + count_until(items, round % 23)
  local j = joined(round, "x", round % 3 == 0, nil)
  assert(j == round .. ",x," .. tostring(round % 3 == 0) .. ",nil", j)
  assert(shared(round) == (round + 3) * 100 + round)
  assert(grid(round % 7, round % 5) == (function()
    local c = 0
    for y = 1, round % 5 do for x = 1, round % 7 do if (x + y) % 3 ~= 0 then c = c + 1 end end end
    return c
  end)())
  local best, total = keyed({ [round % 5 + 1] = 1, [round % 3 + 7] = 2.5 })
  assert(best == round % 5 + 1 and total == 3.5, tostring(best) .. " " .. total)
  assert(makers(round % 6) == ({ 0, 1, 5, 14, 30, 55 })[round % 6 + 1])
  assert(depth(tree) == 5)
  local ok, err = pcall(fails_at, items, round % 50)
  if round % 50 < 23 and (function() for _, v in ipairs(items) do if v == round % 50 then return true end end end)() then
    assert(not ok and err:find("bad item"), tostring(err))
  else
    assert(ok and err == 323, tostring(err))
  end
end
assert(check == 259386, check)
