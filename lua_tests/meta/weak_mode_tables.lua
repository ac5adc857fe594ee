-- __mode can be set to "k", "v" or "kv"; weak tables behave like normal tables for live entries (no GC timing assumed).
local weak_k = setmetatable({}, {__mode = "k"})
local weak_v = setmetatable({}, {__mode = "v"})
local weak_kv = setmetatable({}, {__mode = "kv"})
assert(getmetatable(weak_k).__mode == "k")
assert(getmetatable(weak_v).__mode == "v")
assert(getmetatable(weak_kv).__mode == "kv")

-- entries whose keys/values stay referenced survive a full collection
local key1, key2 = {}, {}
local val1 = {}
weak_k[key1] = "one"
weak_k[key2] = "two"
weak_v.a = val1
weak_kv[key1] = val1
collectgarbage()
collectgarbage()
assert(weak_k[key1] == "one" and weak_k[key2] == "two")
assert(weak_v.a == val1)
assert(weak_kv[key1] == val1)

-- non-collectable values (numbers, strings, booleans) are never removed
weak_v[1] = "str"
weak_v[2] = 42
weak_v[3] = true
weak_k["name"] = 1
collectgarbage()
assert(weak_v[1] == "str" and weak_v[2] == 42 and weak_v[3] == true)
assert(weak_k.name == 1)

-- a cache keyed by live objects
local cache = setmetatable({}, {__mode = "k"})
local function area(shape)
  local v = cache[shape]
  if v == nil then v = shape.w * shape.h; cache[shape] = v end
  return v
end
local rect = {w = 3, h = 4}
assert(area(rect) == 12 and cache[rect] == 12)
rect.w = 10
assert(area(rect) == 12, "cached result is reused while the key lives")

-- weak tables still support the usual operations
local count = 0
for _, v in pairs(weak_v) do if v ~= nil then count = count + 1 end end
assert(count >= 4, "all live entries are visible to pairs")
assert(#weak_v >= 3)
weak_v.a = nil
assert(weak_v.a == nil)

-- collectgarbage("count") returns a number; "isrunning" a boolean
assert(type(collectgarbage("count")) == "number")
assert(type(collectgarbage("isrunning")) == "boolean")

-- setting __mode after setmetatable is allowed too
local late = setmetatable({}, {})
getmetatable(late).__mode = "v"
late.x = key1
collectgarbage()
assert(late.x == key1)
print(weak_k[key1], weak_k[key2], weak_v[1], weak_v[2], area(rect), getmetatable(weak_kv).__mode, count)
