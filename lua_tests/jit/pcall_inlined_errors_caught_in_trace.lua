-- pcall in hot loops: the trace inlines pcall's function, and error() inside it returns false and the error value
-- to the pcall without leaving the trace. Every kind of error value and level, nesting, tail calls, varargs,
-- errors that are not error() calls (they leave the trace and the interpreter's pcall catches them), and functions
-- with loops (the trace calls the built-in) must give what the interpreter gives.

local function risky(i)
  if i % 3 == 0 then error("three", 0) end           -- level 0: no position
  if i % 5 == 0 then error({ code = i }) end          -- a table
  if i % 7 == 0 then error("seven:" .. i) end         -- level 1: the position of this line
  if i % 11 == 0 then error() end                     -- nil
  if i % 13 == 0 then error(i * 1.5) end              -- a number: no position
  if i % 17 == 0 then local t = nil; return t.x end   -- not error(): an operand error
  return i * 2, i
end

local ok_sum, strs, tabs, nils, nums, ops = 0, 0, 0, 0, 0, 0
local last_pos
for i = 1, 3000 do
  local ok, v, w = pcall(risky, i)
  if ok then
    ok_sum = ok_sum + v + w
  elseif type(v) == "table" then
    tabs = tabs + v.code
  elseif type(v) == "string" then
    strs = strs + #v
    if v:find("seven") then last_pos = v end
    if v:find("index") then ops = ops + 1 end
  elseif v == nil then
    nils = nils + 1
  else
    nums = nums + v
  end
end
print(ok_sum, strs, tabs, nils, nums, ops)
assert(last_pos:match("^.-pcall_inlined_errors_caught_in_trace%.lua:9: seven:%d+$"), last_pos)

-- nested pcalls in one trace: the inner catches its errors, the outer sees the rest
local function inner(i)
  if i % 2 == 0 then error("inner " .. i, 0) end
  return i
end
local function outer(i)
  local ok, v = pcall(inner, i)
  if i % 3 == 0 then error({ ok = ok, v = v }) end
  return ok and v or -1
end
local a, b, c = 0, 0, 0
for i = 1, 2000 do
  local ok, r = pcall(outer, i)
  if ok then a = a + r elseif r.ok then b = b + r.v else c = c + #r.v end
end
print(a, b, c)

-- varargs, multiple results, tail calls and results kept for later
local function spread(...) return select("#", ...), ... end
local function tail(i) if i % 4 == 0 then error("t", 0) end return spread(i, nil, i) end
local n, got = 0, {}
for i = 1, 1500 do
  local r = table.pack(pcall(tail, i))
  n = n + r.n
  if r[1] then got[#got + 1] = r[2] + r[3] + r[5] end
end
print(n, #got, got[1], got[#got])

-- a pcall'd function with a loop of its own, and one called with a closure made in the loop
local function summed(k)
  local s = 0
  for j = 1, k do s = s + j end
  if k % 9 == 0 then error("nine", 0) end
  return s
end
local total = 0
for i = 1, 1200 do
  local ok, v = pcall(summed, i % 20)
  local ok2, w = pcall(function(x) if x > 1000 then error("big", 0) end return x end, i)
  total = total + (ok and v or 1) + (ok2 and w or 2)
end
print(total)

-- errors in a metamethod or a non-function value called through pcall
local mt = { __add = function(x, y) if y > 100 then error("too big", 0) end return x.v + y end }
local obj = setmetatable({ v = 1 }, mt)
local m = 0
for i = 1, 400 do
  local ok, v = pcall(function() return obj + i end)
  m = m + (ok and v or 1000)
  local ok2, e = pcall(i)  -- not a function
  if not ok2 and i == 400 then print(e) end
end
print(m)
