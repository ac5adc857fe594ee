-- __newindex as a function (intercepting new keys) and as a table (redirecting writes), only for absent keys.
local log = {}
local store = {}
local t = setmetatable({existing = 1}, {
  __newindex = function(tbl, k, v)
    log[#log + 1] = k .. "=" .. tostring(v)
    rawset(tbl, k, v)
  end,
})
t.a = 10
t.existing = 2            -- present key: no metamethod
t.a = 11                  -- now present: no metamethod
t.b = nil                 -- absent key, nil value: metamethod still runs
assert(table.concat(log, ";") == "a=10;b=nil", table.concat(log, ";"))
assert(t.existing == 2 and t.a == 11)

-- __newindex as a table redirects the write into that table
local redirected = setmetatable({}, {__newindex = store})
redirected.x = "stored"
assert(rawget(redirected, "x") == nil and store.x == "stored")
assert(redirected.x == nil, "reads do not follow __newindex")

-- a chain of __newindex tables: the write goes to the last one without the key
local final = {}
local hop = setmetatable({}, {__newindex = final})
local start = setmetatable({}, {__newindex = hop})
start.k = "v"
assert(final.k == "v" and rawget(hop, "k") == nil)

-- read-only table via __newindex error
local ro = setmetatable({}, {
  __index = {pi = 3},
  __newindex = function(_, k) error("read-only: " .. tostring(k), 2) end,
})
assert(ro.pi == 3)
local ok, err = pcall(function() ro.pi = 4 end)
assert(not ok and string.find(err, "read-only: pi", 1, true), err)

-- rawset bypasses __newindex
rawset(ro, "pi", 4)
assert(ro.pi == 4)
ro.pi = 5                 -- now present, so no error
assert(ro.pi == 5)

-- table.insert writes through lua_seti, so __newindex runs for it too
local seen = {}
local arr = setmetatable({}, {__newindex = function(tbl, k, v) seen[#seen + 1] = k; rawset(tbl, k, v) end})
arr[1] = "a"
table.insert(arr, "b")
assert(#seen == 2 and seen[1] == 1 and seen[2] == 2)

-- a counting proxy that keeps data elsewhere
local data, writes = {}, 0
local proxy = setmetatable({}, {
  __index = data,
  __newindex = function(_, k, v) writes = writes + 1; data[k] = v end,
})
proxy.one = 1; proxy.one = 2; proxy.two = 3
assert(writes == 3 and proxy.one == 2 and proxy.two == 3)
print(table.concat(log, ";"), store.x, final.k, ro.pi, #seen, writes, proxy.one)
