-- pcall of a Lua function runs that function in the caller's activation of the VM: everything a pcall level
-- means must still hold (levels, tracebacks, closing, results, varargs, tail calls, limits, coroutines).

-- results: true and every result; false and the error value, of any type
local function three(a, b) return a, b, a + b end
local r = table.pack(pcall(three, 1, 2))
assert(r.n == 4 and r[1] == true and r[2] == 1 and r[3] == 2 and r[4] == 3)
local ok, e = pcall(function() error({ code = 7 }) end)
assert(not ok and type(e) == "table" and e.code == 7)
ok, e = pcall(function() error() end)
assert(not ok and e == nil)
ok, e = pcall(function() local t = nil; return t.x end)
assert(not ok and e:find("attempt to index a nil value %(local 't'%)"))
assert(select("#", pcall(function() end)) == 1)

-- level 2 of an error in pcall's function is pcall itself, a C function: no position
ok, e = pcall(function() error("lvl2", 2) end)
assert(not ok and e == "lvl2", e)
ok, e = pcall(function() error("lvl1") end)
assert(not ok and e:match("^[^:]+:%d+: lvl1$"), e)

-- the pcall level shows in tracebacks, between the function and its caller
local tb
pcall(function() tb = debug.traceback("here") end)
assert(tb:find("in function 'pcall'", 1, true), tb)
local info = {}
pcall(function() info = debug.getinfo(2, "S") end)
assert(info.what == "C", info.what)

-- varargs and tail calls inside pcall's function
local function count(...) return select("#", ...) end
assert(select(2, pcall(function(...) return count(...) end, nil, nil, 3)) == 3)
local function tail(n) if n == 0 then return "done" end return tail(n - 1) end
assert(select(2, pcall(function() return tail(100) end)) == "done")
assert(select(2, pcall(tail, 50)) == "done")

-- nested pcalls: the innermost catches, the outer goes on
local log = {}
ok, e = pcall(function()
  local ok2, e2 = pcall(function() error("inner", 0) end)
  log[#log + 1] = tostring(ok2) .. ":" .. e2
  error("outer", 0)
end)
assert(not ok and e == "outer" and log[1] == "false:inner")

-- to-be-closed variables of the frames an error unwinds close once, with the error
local closed = {}
local function closer(name)
  return setmetatable({}, { __close = function(_, err) closed[#closed + 1] = name .. "=" .. tostring(err) end })
end
ok, e = pcall(function()
  local a <close> = closer("a")
  local function deeper()
    local b <close> = closer("b")
    error("boom", 0)
  end
  deeper()
end)
assert(not ok and e == "boom")
assert(closed[1] == "b=boom" and closed[2] == "a=boom" and #closed == 2, table.concat(closed, " "))

-- a __close that raises replaces the error
ok, e = pcall(function()
  local x <close> = setmetatable({}, { __close = function() error("from close", 0) end })
  error("first", 0)
end)
assert(not ok and e == "from close", e)

-- the C-stack limit still counts pcall levels
local depth = 0
local function dive()
  depth = depth + 1
  local ok3, e3 = pcall(dive)
  if not ok3 then error(e3, 0) end
end
ok, e = pcall(dive)
assert(not ok and e:find("stack overflow"), e)
assert(depth > 150 and depth < 260, depth)

-- after all that, calls and pcalls still balance: a deep but finite nesting works
local function nest(n) if n == 0 then return 0 end return select(2, pcall(nest, n - 1)) + 1 end
assert(nest(150) == 150)

-- coroutines: yield across pcall, errors after resuming, close of a coroutine suspended inside pcall
local co = coroutine.wrap(function()
  local ok4, e4 = pcall(function()
    local v = coroutine.yield("in pcall")
    error("after " .. v, 0)
  end)
  return tostring(ok4) .. " " .. e4
end)
assert(co() == "in pcall")
assert(co("resume") == "false after resume")
local closes = 0
local c2 = coroutine.create(function()
  pcall(function()
    local z <close> = setmetatable({}, { __close = function() closes = closes + 1 end })
    coroutine.yield()
  end)
  error("never reached")
end)
coroutine.resume(c2)
assert(coroutine.close(c2) == true and closes == 1 and coroutine.status(c2) == "dead")

-- hot loops: the same under the JIT
local s, fails = 0, 0
local function risky(i)
  if i % 5 == 0 then error("five", 0) end
  if i % 7 == 0 then error({ i }) end
  return i
end
for i = 1, 3000 do
  local ok5, v = pcall(risky, i)
  if ok5 then s = s + v else fails = fails + 1 end
end
assert(s == 3000 * 3001 // 2 - (5 * (600 * 601) // 2) - (7 * (428 * 429) // 2) + 35 * (85 * 86) // 2, s)
assert(fails == 600 + 428 - 85, fails)
print("ok")
