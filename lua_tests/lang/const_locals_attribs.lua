-- <const> locals cannot be assigned (compile error), <close> needs a closable value, unknown attributes fail.
local limit <const> = 10
local name <const> = "fixed"
local sum = 0
for i = 1, limit do sum = sum + i end
assert(sum == 55 and name == "fixed")

-- assigning to a const is rejected at compile time
local f, err = load("local x <const> = 1; x = 2")
assert(f == nil and string.find(err, "attempt to assign to const variable 'x'", 1, true), err)

-- also from a nested closure
f, err = load("local y <const> = 1; return function() y = 3 end")
assert(f == nil and string.find(err, "attempt to assign to const variable 'y'", 1, true), err)

-- const tables can still be mutated: only the variable is constant
local cfg <const> = {level = 1}
cfg.level = 2
assert(cfg.level == 2)

-- closures capture const values
local base <const> = 100
local function add(n) return base + n end
assert(add(5) == 105)

-- const with a nil value and in multi-declarations
local a <const>, b = nil, 2
b = 3
assert(a == nil and b == 3)

-- unknown attribute
f, err = load("local z <mutable> = 1")
assert(f == nil and string.find(err, "unknown attribute 'mutable'", 1, true), err)

-- <close> on a value without __close is a runtime error
local ok, cerr = pcall(function()
  local h <close> = {}
end)
assert(not ok and string.find(cerr, "variable 'h' got a non-closable value", 1, true), cerr)

-- <close> accepts nil and false
do
  local n <close> = nil
  local fl <close> = false
end

-- only one <close> per declaration list
f, err = load("local p <close>, q <close> = nil, nil")
assert(f == nil and string.find(err, "multiple to-be-closed variables in local list", 1, true), err)

-- shadowing a const with a new local is fine
local shadow <const> = 1
do
  local shadow = 2
  shadow = shadow + 1
  assert(shadow == 3)
end
assert(shadow == 1)
print(limit, name, sum, cfg.level, add(1), a, b, shadow)
