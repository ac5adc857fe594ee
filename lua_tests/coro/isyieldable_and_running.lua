-- coroutine.isyieldable and coroutine.running in main thread, coroutines, pcall and metamethods.
local main, ismain = coroutine.running()
print("main ismain", ismain, type(main))
assert(ismain == true)
print("main yieldable", coroutine.isyieldable())
assert(coroutine.isyieldable() == false)

local co
co = coroutine.create(function()
  local self, flag = coroutine.running()
  print("inside ismain", flag, self == co, self == main)
  print("inside yieldable", coroutine.isyieldable())
  -- still yieldable through pcall (pcall is yieldable in 5.4)
  local ok, y = pcall(coroutine.isyieldable)
  print("through pcall", ok, y)
  -- and inside a metamethod
  local t = setmetatable({}, {__index = function() return coroutine.isyieldable() end})
  print("inside __index", t.anything)
  -- the running coroutine is the same inside a nested function
  local function deeper() return coroutine.running() end
  print("nested same", deeper() == co)
  coroutine.yield()
  return "end"
end)
assert(coroutine.resume(co))
print("after yield", coroutine.resume(co))

-- isyieldable with an explicit coroutine argument
local c2 = coroutine.create(function() coroutine.yield() end)
print("explicit suspended", coroutine.isyieldable(c2))
print("explicit main", coroutine.isyieldable(main))

-- running from inside a wrap returns a thread distinct from main
local r, f = coroutine.wrap(function() return coroutine.running() end)()
print("wrap thread", type(r), f, r ~= main)

-- table.sort comparator runs in a C boundary: not yieldable there
local flags = {}
coroutine.wrap(function()
  table.sort({3, 1, 2}, function(a, b)
    flags[#flags + 1] = coroutine.isyieldable()
    return a < b
  end)
end)()
print("in sort comparator", flags[1], #flags > 0)
