-- weak tables lose the entries whose weak keys or values are garbage: at collectgarbage(), and when the
-- collector runs by itself as a program allocates; strings, numbers and live objects stay
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end

local wv = setmetatable({}, {__mode = "v"})
local wk = setmetatable({}, {__mode = "k"})
local wkv = setmetatable({}, {__mode = "kv"})
local keep = {}
wv[1], wv[2], wv[3] = {}, keep, "str"
wv.a, wv.b, wv.c = {}, keep, 42
wk[{}] = 1
wk[keep] = 2
wk.name = {}
wkv[{}] = keep
wkv[keep] = {}
wkv[keep] = wkv[keep]  -- the same garbage value
wkv.x = keep
collectgarbage()
print(wv[1], wv[2] == keep, wv[3], wv.a, wv.b == keep, wv.c, count(wv))
print(wk[keep], type(wk.name), count(wk))
print(wkv[keep], wkv.x == keep, count(wkv))

-- the array part shrinks when its last values go
local arr = setmetatable({}, {__mode = "v"})
arr[1], arr[2], arr[3], arr[4], arr[5] = keep, keep, {}, {}, {}
collectgarbage()
print(#arr, arr[1] == keep, arr[3])

-- functions and coroutines are collectable too, suspended ones included
local fns = setmetatable({}, {__mode = "kv"})
fns[1] = function() return keep end
fns[2] = print
local co = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co)
fns[3] = co
fns[4] = coroutine.wrap(function() local a = 1 while true do a = a + 1 coroutine.yield(a) end end)
fns[4]()
co = nil
collectgarbage()
print(fns[1], fns[2] == print, fns[3], fns[4])

-- a suspended coroutine that is still referenced keeps running afterwards
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
local held = setmetatable({gen}, {__mode = "v"})
print(gen())
collectgarbage()
print(held[1] == gen, gen(), gen())

-- the collector runs by itself: a loop that makes garbage sees the entry go
local A = 0
local x = setmetatable({[1] = {}}, {__mode = "kv"})
while x[1] do
  local a = A .. A .. A .. A  -- garbage
  A = A + 1
end
print("collected", A > 0)

-- an entry that a traversal is at survives the collection and the traversal goes on
local t = setmetatable({}, {__mode = "k"})
local keys = {}
for i = 1, 10 do keys[i] = {} t[keys[i]] = i end
for i = 1, 10 do t[{}] = -i end
local sum = 0
for k, v in pairs(t) do
  collectgarbage()
  if v > 0 then sum = sum + v end
end
print("traversed", sum, count(t))

-- collectgarbage clears only what is dead: locals, loop variables and pending operands survive it
local function loop(n)
  local acc, w = {}, setmetatable({}, {__mode = "v"})
  for i = 1, n do
    local a, b = i, {i}
    w[i] = b
    local c = a + #acc + (collectgarbage() or 0) + b[1]
    acc[#acc + 1] = c
  end
  return acc[n], #acc, w[n] == nil
end
print(loop(12))
print(select(2, pcall(function(...) local x = {...} collectgarbage() return #x, ... end, 1, 2, 3)))
