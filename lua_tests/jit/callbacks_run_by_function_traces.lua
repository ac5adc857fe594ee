-- Lua functions that built-ins call back (a gsub function, a sort comparator) become function traces that the
-- built-in's call runs natively once they are hot, loops or not. Results, errors inside them (caught and not,
-- from the callback itself and from a function trace it calls), a yield across the built-in, and closures made
-- anew for each call behave as in the interpreter.
local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n' }
local function escape_char(c)
  return escapes[c] or string.format("\\u%04x", c:byte())
end
local function keep_vowels(c)
  if c == "a" or c == "e" then return c:upper() end
  if c == "o" then return false end
  return nil
end

local total, parts = 0, {}
for i = 1, 600 do
  local s = ('ab"c\\d\n\1' .. i):gsub('[%c"\\]', escape_char)
  local v, n = ("banana boat " .. i):gsub("%a", keep_vowels)
  total = total + #s + n + #v
  if i % 150 == 0 then parts[#parts + 1] = s .. "|" .. v end
end
print(total, table.concat(parts, " "))
assert(total == 26184, total)

-- a comparator (one closure for every sort), a key function made anew for each sort
local t = {}
for i = 1, 100 do t[i] = (i * 7919) % 1009 end
local function desc(a, b) return a > b end
local checks = 0
for round = 1, 40 do
  table.sort(t, desc)
  for i = 2, #t do assert(t[i - 1] >= t[i]) end
  local mod = round % 7 + 2
  table.sort(t, function(a, b)
    local x, y = a % mod, b % mod
    if x ~= y then return x < y end
    return a < b
  end)
  for i = 2, #t do
    local x, y = t[i - 1] % mod, t[i] % mod
    assert(x < y or (x == y and t[i - 1] < t[i]))
  end
  checks = checks + t[1] + t[100]
end
print(checks)

-- errors in a hot callback: its own, and one from a recursive function (a function trace) it calls
local calls = 0
local function depth_error(n)
  if n == 0 then error("bottom reached") end
  return depth_error(n - 1) + 1
end
local function picky(c)
  calls = calls + 1
  if calls % 97 == 0 then error("picky at " .. calls) end
  if calls % 89 == 0 then return depth_error(3) end
  return c
end
local caught = {}
for i = 1, 500 do
  local ok, err = pcall(string.gsub, "xyz", "%a", picky)
  if not ok then caught[#caught + 1] = err end
end
print(#caught, caught[1], caught[2], caught[#caught])
assert(#caught == 31, #caught)
local ok, tb = xpcall(function()
  for _ = 1, 200 do ("abc"):gsub("%a", picky) end
end, debug.traceback)
assert(not ok)
for _, line in ipairs({ "bottom reached", "in upvalue 'depth_error'", "[C]: in function 'string.gsub'",
                        "[C]: in function 'xpcall'", "in main chunk" }) do
  assert(tb:find(line, 1, true), tb)
end
print((tb:gsub("\n.*", "")))

-- a callback may not yield across gsub, hot or not
local co_errors = 0
for i = 1, 200 do
  local co = coroutine.create(function()
    return ("ab"):gsub("%a", function(c) if i > 150 then coroutine.yield(c) end return c end)
  end)
  local ok2, err = coroutine.resume(co)
  if not ok2 then
    assert(err:find("attempt to yield across a C%-call boundary"), err)
    co_errors = co_errors + 1
  end
end
print(co_errors)
assert(co_errors == 50)
