-- Indexing errors: nil global, local, field, upvalue, method receiver, and non-table values, read and write.
local function check(f, expected)
  local ok, m = pcall(f)
  assert(not ok)
  m = m:gsub("^index_nil_variants%.lua:%d+: ", "")
  print(m)
  assert(m == expected, m)
end

local z
local cfg = {}
check(function() return x.field end, "attempt to index a nil value (global 'x')")
check(function() local x; return x.field end, "attempt to index a nil value (local 'x')")
check(function() return cfg.y.z end, "attempt to index a nil value (field 'y')")
check(function() return z[1] end, "attempt to index a nil value (upvalue 'z')")
check(function() local obj; obj:method() end, "attempt to index a nil value (local 'obj')")
check(function() return cfg.inner:go() end, "attempt to index a nil value (field 'inner')")

-- writing through nil
check(function() local x; x.k = 1 end, "attempt to index a nil value (local 'x')")
check(function() undefined_tbl.k = 1 end, "attempt to index a nil value (global 'undefined_tbl')")
check(function() z.k = 1 end, "attempt to index a nil value (upvalue 'z')")
check(function() cfg.a.b = 1 end, "attempt to index a nil value (field 'a')")

-- other non-indexable types
check(function() local n = 5 return n.x end, "attempt to index a number value (local 'n')")
check(function() local b = true return b[1] end, "attempt to index a boolean value (local 'b')")
check(function() local f = print; f.x = 1 end, "attempt to index a function value (local 'f')")

-- strings are indexable (via the string metatable) but their fields are nil
print(("abc").len == string.len, ("abc").nothing)
check(function() local s = "abc" return s.nothing.x end, "attempt to index a nil value (field 'nothing')")

-- a result of a call has no name
check(function() local function g() end return g().x end, "attempt to index a nil value")

-- __index chain ending in nil returns nil instead of failing
local base = setmetatable({}, {__index = setmetatable({}, {__index = function() return nil end})})
print(base.anything)

-- rawget/rawset refuse non-tables
print(pcall(rawget, 1, 1))
print(pcall(rawset, "s", 1, 2))
