-- __pairs lets pairs() return a custom iterator triple; next() and ipairs() ignore it.
local ordered_keys = {"c", "a", "b"}
local data = {a = 1, b = 2, c = 3}
local ordered = setmetatable({}, {
  __index = data,
  __pairs = function(self)
    local i = 0
    return function()
      i = i + 1
      local k = ordered_keys[i]
      if k then return k, self[k] end
    end, self, nil
  end,
})
local out = {}
for k, v in pairs(ordered) do out[#out + 1] = k .. "=" .. v end
assert(table.concat(out, " ") == "c=3 a=1 b=2")
print(table.concat(out, " "))

-- next() bypasses __pairs and sees the (empty) raw table
assert(next(ordered) == nil)

-- __pairs receives the table and may return state and initial control values
local received
local counting = setmetatable({}, {
  __pairs = function(t)
    received = t
    return function(limit, n)
      if n < limit then return n + 1, (n + 1) * 10 end
    end, 3, 0
  end,
})
out = {}
for k, v in pairs(counting) do out[#out + 1] = k .. ":" .. v end
assert(received == counting and table.concat(out, ",") == "1:10,2:20,3:30")
print(table.concat(out, ","))

-- ipairs uses __index but not __pairs
local virtual = setmetatable({}, {
  __index = function(_, i) if i <= 4 then return i * i end end,
  __pairs = function() error("should not be called") end,
})
out = {}
for i, v in ipairs(virtual) do out[i] = v end
assert(table.concat(out, ",") == "1,4,9,16")
print(table.concat(out, ","))

-- without __pairs, pairs returns next, t, nil
local plain = {10, 20}
local f, s, init = pairs(plain)
assert(f == next and s == plain and init == nil)

-- __pairs results beyond three are truncated; a fourth value would be a closing value
local closed = false
local with_close = setmetatable({}, {
  __pairs = function()
    return function(_, c) if not c then return 1 end end, nil, nil,
      setmetatable({}, {__close = function() closed = true end})
  end,
})
local n = 0
for _ in pairs(with_close) do n = n + 1 end
assert(n == 1 and closed == false, "pairs keeps only three results")
print("closed by pairs loop:", closed)

-- a non-function __pairs value is called and errors
local broken = setmetatable({}, {__pairs = 5})
local ok, err = pcall(pairs, broken)
assert(not ok and string.find(err, "attempt to call a number value", 1, true), err)
