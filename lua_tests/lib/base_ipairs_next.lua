-- ipairs stops at the first nil, honours __index; next walks keys and rejects bad keys
local t = {10, 20, nil, 40}
local n = 0
for i, v in ipairs(t) do n = n + 1; print(i, v) end
print("visited", n)

-- ipairs on an empty table and a table with only hash keys
for _ in ipairs({}) do error("should not run") end
for _ in ipairs({a = 1, b = 2}) do error("should not run") end
print("empty ok")

-- ipairs returns the iterator, the table and 0
local f, s, init = ipairs(t)
print(type(f), s == t, init)
print(f(t, 0))
print(f(t, 1))
print(f(t, 2))

-- ipairs respects __index (5.4 behaviour)
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * i end end})
for i, v in ipairs(proxy) do print("proxy", i, v) end

-- ipairs of a false value continues (false is not nil)
for i, v in ipairs({true, false, true}) do print(i, v) end

print(pcall(ipairs))

-- ipairs accepts any value; indexing fails only when iterating (error raised inside C, no position)
print(select('#', ipairs(5)))
print(pcall(function() for _ in ipairs(5) do end end))

-- next on empty table
print(next({}))

-- next with a single key
local k, v = next({only = "one"})
print(k, v)
print(next({only = "one"}, "only"))

-- next over array part in order after a nil key
local arr = {"a", "b", "c"}
local count, sum = 0, ""
local key = nil
repeat
  key = next(arr, key)
  if key then count = count + 1; sum = sum .. arr[key] end
until key == nil
print(count, #sum)

-- invalid key for next
local ok, msg = pcall(next, {}, "missing")
print(ok, msg)

-- collecting keys and sorting gives deterministic output
local h = {x = 1, y = 2, z = 3, 1, 2}
local keys = {}
for k2 in next, h do keys[#keys + 1] = tostring(k2) end
table.sort(keys)
print(table.concat(keys, ","))
