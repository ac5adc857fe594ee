-- Concatenation errors: table, nil, boolean and function operands, with variable names where PUC gives them.
local function check(f, expected)
  local ok, m = pcall(f)
  assert(not ok)
  m = m:gsub("^concat_error_messages%.lua:%d+: ", "")
  print(m)
  assert(m == expected, m)
end

local up = {}
check(function() local t = {} return "a" .. t end, "attempt to concatenate a table value (local 't')")
check(function() return "x" .. undefined_name end, "attempt to concatenate a nil value (global 'undefined_name')")
check(function() local r = {} return r.title .. "!" end, "attempt to concatenate a nil value (field 'title')")
check(function() return "<" .. up .. ">" end, "attempt to concatenate a table value (upvalue 'up')")
check(function() local flag = false return "v=" .. flag end, "attempt to concatenate a boolean value (local 'flag')")
check(function() return "t" .. true end, "attempt to concatenate a boolean value")
check(function() local f = print return f .. "" end, "attempt to concatenate a function value (local 'f')")
check(function() return nil .. "s" end, "attempt to concatenate a nil value")

-- in a chain, the failing operand is the one reported
check(function() local a, b, c = "1", nil, "3" return a .. b .. c end,
      "attempt to concatenate a nil value (local 'b')")
check(function() local a, b, c = "1", "2", {} return a .. b .. c end,
      "attempt to concatenate a table value (local 'c')")

-- numbers concatenate fine, integers and floats keep their formatting
print(1 .. 2, 1.5 .. "", 10 // 1 .. "|" .. 10 / 1, -0.0 .. "")
assert(1 .. 2 == "12")

-- a __concat metamethod on either side avoids the error
local mt = {__concat = function(a, b)
  local function s(x) return type(x) == "table" and "T" or tostring(x) end
  return s(a) .. "+" .. s(b)
end}
local obj = setmetatable({}, mt)
print(obj .. "x", "x" .. obj, obj .. obj, 5 .. obj)

-- table.concat reports invalid values with their index
local ok, m = pcall(table.concat, {"a", {}, "c"})
print(ok, m)
ok, m = pcall(table.concat, {1, 2, true}, ",")
print(ok, m)
