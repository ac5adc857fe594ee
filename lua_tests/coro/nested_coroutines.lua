-- Coroutines resuming coroutines: yields go to the direct resumer only; inner and outer interleave correctly.
local trace = {}
local function log(s) trace[#trace + 1] = s end

local inner = coroutine.create(function(x)
  log("inner start " .. x)
  local y = coroutine.yield("inner-1")
  log("inner got " .. y)
  coroutine.yield("inner-2")
  return "inner-ret"
end)

local outer = coroutine.create(function()
  log("outer start")
  local ok, v = coroutine.resume(inner, "X")
  log("outer sees " .. v)
  coroutine.yield("outer-1")
  ok, v = coroutine.resume(inner, "Y")
  log("outer sees " .. v)
  ok, v = coroutine.resume(inner)
  log("outer sees " .. v)
  coroutine.yield("outer-2")
  return "outer-ret", coroutine.status(inner)
end)

while coroutine.status(outer) ~= "dead" do
  local ok, a, b = coroutine.resume(outer)
  log("main sees " .. tostring(a) .. (b and (" " .. b) or ""))
end
for _, l in ipairs(trace) do print(l) end
assert(#trace == 9)

-- three levels deep, each yielding to its own parent
local function level(n)
  return coroutine.wrap(function()
    if n > 1 then
      local child = level(n - 1)
      for k = 1, 2 do
        local a, b = child(), child()
        coroutine.yield(n .. k .. "(" .. a .. "," .. b .. ")")
      end
    else
      for k = 1, 4 do coroutine.yield("L" .. k) end
    end
  end)
end
local top = level(3)
print(top())

-- a coroutine created inside another outlives its creator
local escaped
local creator = coroutine.wrap(function()
  escaped = coroutine.create(function() coroutine.yield(1); return 2 end)
  return "creator done"
end)
print(creator())
print(coroutine.resume(escaped))
print(coroutine.resume(escaped))
