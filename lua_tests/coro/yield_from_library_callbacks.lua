-- Which library callbacks may yield: __pairs, pcall and load-ed chunks yes; __tostring called through tostring no.
-- __pairs is called by pairs with a continuation, so it may yield
local t = setmetatable({}, {__pairs = function(self)
  local limit = coroutine.yield("pairs asked")
  local i = 0
  return function() i = i + 1; if i <= limit then return i, i * 10 end end, self, nil
end})
local co = coroutine.create(function()
  local out = {}
  for k, v in pairs(t) do out[#out + 1] = k .. ":" .. v end
  return table.concat(out, " ")
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 3))

-- __tostring is called through tostring without a continuation: yielding fails
local obj = setmetatable({}, {__tostring = function() coroutine.yield("ts"); return "obj" end})
co = coroutine.create(function() return tostring(obj) end)
print(coroutine.resume(co))

-- the Lua-level pcall and select are fine around yields
co = coroutine.create(function(...)
  local n = select("#", coroutine.yield(...))
  return n
end)
print(coroutine.resume(co, "a", "b"))
print(coroutine.resume(co, 1, 2, 3, 4))

-- a yield inside a function passed to pcall, itself passed to pcall
co = coroutine.wrap(function()
  return pcall(pcall, coroutine.yield, "deep")
end)
print(co())
print(co("r1", "r2"))

-- load-ed chunks run as ordinary Lua functions and can yield
local chunk = load("local a = ... ; local b = coroutine.yield(a + 1) ; return a * b")
co = coroutine.wrap(chunk)
print(co(6))
print(co(7))
