-- rawget, rawset, rawequal and rawlen ignore __index, __newindex, __eq and __len respectively.
local hits = {index = 0, newindex = 0, eq = 0, len = 0}
local mt = {
  __index = function() hits.index = hits.index + 1; return "meta" end,
  __newindex = function() hits.newindex = hits.newindex + 1 end,
  __eq = function() hits.eq = hits.eq + 1; return true end,
  __len = function() hits.len = hits.len + 1; return 99 end,
}
local t = setmetatable({1, 2, present = "raw"}, mt)
local u = setmetatable({}, mt)

assert(rawget(t, "absent") == nil and hits.index == 0)
assert(t.absent == "meta" and hits.index == 1)
assert(rawget(t, "present") == "raw")
assert(rawget(t, 1) == 1 and rawget(t, 1.0) == 1, "rawget normalises float keys")

assert(rawset(t, "newkey", 5) == t, "rawset returns the table")
assert(hits.newindex == 0 and t.newkey == 5)
t.other = 1
assert(hits.newindex == 1 and rawget(t, "other") == nil)

assert(rawequal(t, u) == false and hits.eq == 0)
assert((t == u) == true and hits.eq == 1)
assert(rawequal(t, t) and rawequal("a", "a") and rawequal(1, 1.0))
assert(not rawequal(1, "1"))

assert(rawlen(t) == 2 and hits.len == 0)
assert(#t == 99 and hits.len == 1)
assert(rawlen("abcd") == 4)

-- argument checking
local ok, err = pcall(rawget, "str", 1)
assert(not ok and string.find(err, "bad argument #1 to 'rawget' (table expected, got string)", 1, true), err)
ok, err = pcall(rawlen, 5)
assert(not ok and string.find(err, "table or string expected", 1, true), err)
ok, err = pcall(rawset, {}, nil, 1)
assert(not ok and string.find(err, "index is nil", 1, true), err)
ok, err = pcall(rawset, {}, 0/0, 1)
assert(not ok and string.find(err, "index is NaN", 1, true), err)
ok, err = pcall(rawequal, 1)
assert(not ok and string.find(err, "bad argument #2 to 'rawequal' (value expected)", 1, true), err)

-- rawset with nil removes the entry
rawset(t, "newkey", nil)
assert(rawget(t, "newkey") == nil)

-- raw access inside metamethods avoids infinite recursion
local store = setmetatable({}, {
  __index = function(self, k) local v = k .. "!"; rawset(self, k, v); return v end,
})
assert(store.x == "x!" and rawget(store, "x") == "x!")
print(hits.index, hits.newindex, hits.eq, hits.len, rawlen(t), #t, rawget(t, "present"), store.x)
