-- The ways out of a loop that runs natively inside a function trace's call (jit_record_func_loops.py), once the loop
-- is compiled: an error raised in the loop (its message and the traceback's levels), a yield from the loop, a
-- pcall in the loop, a register that turns float halfway, goto continue, and a loop that runs for the first time on
-- a later call. Each gives what the interpreter gives.

local function checked_sum(t, n)
  local s = 0
  for i = 1, n do
    local v = t[i]
    if type(v) ~= "number" then error("item " .. i .. " is a " .. type(v)) end
    s = s + v
  end
  return s
end

local function producer(n)
  local made = 0
  for i = 1, n do
    made = made + i
    if i % 4 == 0 then coroutine.yield(made) end
  end
  return made
end

local function careful(t)
  local ok_count, failed = 0, 0
  for i = 1, #t do
    local ok = pcall(function() if t[i] < 0 then error("negative") end end)
    if ok then ok_count = ok_count + 1 else failed = failed + 1 end
  end
  return ok_count * 1000 + failed
end

local function drift(n)
  local x = 1
  for i = 1, n do
    if i == 7 then x = x + 0.5 end -- from the 7th iteration on, x is a float
    x = x + 1
  end
  return x
end

local function odd_sum(n)
  local s = 0
  for i = 1, n do
    if i % 2 == 0 then goto continue end
    s = s + i
    ::continue::
  end
  return s
end

local function maybe_loop(n, go)
  local acc = 0
  if go then
    local i = 0
    while i < n do i = i + 1; acc = acc + i * i end
  end
  return acc
end

local items = {}
for i = 1, 40 do items[i] = i end
local total = 0
for round = 1, 200 do
  local n = round % 40 + 1
  total = total + checked_sum(items, n)
  if round % 50 == 0 then
    items[n] = "x"
    local ok, err = pcall(checked_sum, items, n)
    assert(not ok and err:find("function_trace_loops_leaving.lua:10: item " .. n .. " is a string"), err)
    items[n] = n
  end
  local co = coroutine.wrap(producer)
  local got = 0
  for _ = 1, n // 4 do got = got + co(n) end
  total = total + got
  total = total + careful({ 1, -2, 3, round % 5 - 2, 5 })
  local d = drift(round % 12)
  assert(math.type(d) == (round % 12 >= 7 and "float" or "integer"), tostring(d))
  total = total + d
  total = total + odd_sum(round % 15)
  total = total + maybe_loop(round % 9, round > 120)
end
assert(total == 942068.0, total)

-- the traceback of an error raised in the loop names the same levels as the interpreter's
local function inner(t)
  for i = 1, #t do
    if t[i] == 0 then error("zero at " .. i) end
  end
end
local function outer(t) inner(t); return true end
local trace
for round = 1, 120 do
  local t = { 3, 2, 1, round == 120 and 0 or 4 }
  local ok = xpcall(outer, function(m) trace = debug.traceback(m, 2) end, t)
  assert(ok == (round ~= 120))
end
assert(trace:find("zero at 4"), trace)
assert(trace:find("\n\t%[C%]: in function 'error'\n\t[^\n]*:%d+: in upvalue 'inner'\n\t[^\n]*:%d+: in function <[^\n]*>"
  .. "\n\t%[C%]: in function 'xpcall'\n"), trace)
