-- Integer // and % by zero raise errors, while float operands give inf/nan instead.
local function try(f, ...)
  local ok, err = pcall(f, ...)
  return ok, err
end

local ok, err = try(function(a, b) return a // b end, 10, 0)
assert(not ok and string.find(err, "attempt to divide by zero", 1, true), err)
print(ok, (string.gsub(err, "^.-:%d+: ", "")))

ok, err = try(function(a, b) return a % b end, 10, 0)
assert(not ok and string.find(err, "attempt to perform 'n%0'", 1, true), err)
print(ok, (string.gsub(err, "^.-:%d+: ", "")))

-- negative dividend still errors
ok, err = try(function(a, b) return a // b end, -3, 0)
assert(not ok)

-- a float on either side avoids the error
ok, err = try(function(a, b) return a // b end, 10, 0.0)
assert(ok and err == math.huge)
ok, err = try(function(a, b) return a // b end, 10.0, 0)
assert(ok and err == math.huge)
ok, err = try(function(a, b) return a % b end, 10.0, 0)
assert(ok and err ~= err, "float modulo by zero is nan")

-- plain division never errors
ok, err = try(function(a, b) return a / b end, 10, 0)
assert(ok and err == math.huge)
ok, err = try(function(a, b) return a / b end, 0, 0)
assert(ok and err ~= err)

-- strings convertible to integers behave like integers
ok, err = try(function(a, b) return a // b end, "10", "0")
assert(not ok and string.find(err, "divide by zero", 1, true))
ok, err = try(function(a, b) return a % b end, "10", 0)
assert(not ok and string.find(err, "n%0", 1, true))

-- the error message carries position information of the chunk
ok, err = pcall(function() local z = 0; return 1 // z end)
assert(not ok and string.find(err, "integer_division_by_zero_errors.lua:%d+:"))

-- errors are values with the message; error objects are strings
assert(type(err) == "string")

-- division by zero in a constant expression is not folded away
local function lazy() return 1 % 0 end
ok = pcall(lazy)
assert(not ok, "constant n%0 still raises at run time")
print("done", ok)
