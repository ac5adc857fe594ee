-- assert: default 'assertion failed!', custom messages of any type, and pass-through of all arguments on success.
local ok, m = pcall(assert, false)
print(ok, m)
assert(m == "assertion failed!")

ok, m = pcall(assert, nil)
print(ok, m)

ok, m = pcall(assert, nil, "custom")
print(ok, m)
assert(m == "custom")

-- called from Lua code, a string message gets the caller's position (assert raises it like error level 1)
ok, m = pcall(function() assert(1 == 2, "math broke") end)
print(ok, m)
assert(m == "assert_messages.lua:14: math broke")

-- so does the default message
ok, m = pcall(function() assert(false) end)
print(ok, m)

-- non-string messages are passed through unchanged
local obj = {why = "table message"}
ok, m = pcall(assert, false, obj)
print(ok, m == obj, m.why)
ok, m = pcall(assert, nil, 404)
print(ok, m, math.type(m))

-- an explicit nil message is still a message (error(nil))
ok, m = pcall(assert, false, nil)
print(ok, m)

-- on success assert returns all its arguments
print(assert(1, 2, 3))
print(select("#", assert(true, nil, nil)))
print(assert("value", "unused message"))

-- only false and nil fail; 0 and "" are true
print(assert(0), assert(""), #{assert({})})

-- no arguments at all
ok, m = pcall(assert)
print(ok, m)

-- a typical use: assert on the results of a function that returns nil, err
local function open_thing(name)
  if name == "good" then return {name = name} end
  return nil, "cannot open " .. name
end
print(assert(open_thing("good")).name)
ok, m = pcall(function() return assert(open_thing("bad")) end)
print(ok, m)
