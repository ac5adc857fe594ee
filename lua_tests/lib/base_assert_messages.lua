-- assert: return values on success, default and custom messages, and non-string message values
local a, b, c = assert(1, "unused", 3)
print(a, b, c)
assert(a == 1 and b == "unused" and c == 3)

-- assert returns all its arguments
print(select('#', assert(true, nil, nil)))

-- default message
local ok, msg = pcall(assert, false)
print(ok, msg)
assert(msg == "assertion failed!")

ok, msg = pcall(assert, nil)
print(ok, msg)

-- custom string message is not decorated with position info
ok, msg = pcall(assert, false, "custom failure")
print(ok, msg)
assert(msg == "custom failure")

-- non-string message values are passed through untouched
local errtab = {code = 42}
ok, msg = pcall(assert, false, errtab)
print(ok, type(msg), msg == errtab, msg.code)

ok, msg = pcall(assert, nil, 17)
print(ok, msg, math.type(msg))

ok, msg = pcall(assert, false, false)
print(ok, msg)

-- assert with no arguments is an argument error
ok, msg = pcall(assert)
print(ok, msg)
assert(not ok and msg:find("value expected"))

-- zero and empty string are truthy
print(assert(0), assert(""), assert(0.0))

-- assert inside a function called by pcall
local function check(x)
  assert(type(x) == "number", "expected number, got " .. type(x))
  return x * 2
end
print(pcall(check, 21))
print(pcall(check, "x"))
