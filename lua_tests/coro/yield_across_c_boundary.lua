-- Yielding inside a table.sort comparator or string.gsub callback is an error: attempt to yield across a C-call boundary.
local co = coroutine.create(function()
  local t = {5, 3, 9, 1}
  table.sort(t, function(a, b)
    coroutine.yield("from comparator")
    return a < b
  end)
  return "sorted"
end)
local ok, msg = coroutine.resume(co)
print("sort", ok, msg)
assert(ok == false)
assert(msg == "attempt to yield across a C-call boundary")
print("status", coroutine.status(co))

local co2 = coroutine.create(function()
  return (string.gsub("abc", "%w", function(c)
    coroutine.yield(c)
    return c:upper()
  end))
end)
ok, msg = coroutine.resume(co2)
print("gsub", ok, msg)
assert(not ok and msg == "attempt to yield across a C-call boundary")

-- the error can be caught by pcall inside the coroutine, which then continues
local co3 = coroutine.create(function()
  local okk, err = pcall(table.sort, {2, 1}, function(a, b)
    coroutine.yield("never")
    return a < b
  end)
  coroutine.yield("caught: " .. tostring(okk) .. " " .. err)
  return "finished"
end)
print(coroutine.resume(co3))
print(coroutine.resume(co3))
print(coroutine.status(co3))

-- a comparator that does not yield works normally inside a coroutine
local co4 = coroutine.wrap(function()
  local t = {4, 2, 8, 6}
  table.sort(t, function(a, b) return a > b end)
  coroutine.yield(table.concat(t, " "))
  return "ok"
end)
print(co4(), co4())

-- by contrast, yielding from a Lua __index function is allowed
local co5 = coroutine.wrap(function()
  local t = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end})
  return t.key .. "!"
end)
print(co5(), co5("value"))
