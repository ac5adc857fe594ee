-- Proper tail calls: 100000+ deep self, mutual and method tail calls do not overflow the stack.
local function count_down(n, acc)
  if n == 0 then return acc end
  return count_down(n - 1, acc + 1)
end
assert(count_down(100000, 0) == 100000)
assert(count_down(300000, 0) == 300000)

-- mutual tail recursion
local ping, pong
function ping(n) if n == 0 then return "ping" end return pong(n - 1) end
function pong(n) if n == 0 then return "pong" end return ping(n - 1) end
assert(ping(100000) == "ping")
assert(ping(100001) == "pong")

-- tail call through a method on an object
local obj = {steps = 0}
function obj:walk(n)
  if n == 0 then return self.steps end
  self.steps = self.steps + 1
  return self:walk(n - 1)
end
assert(obj:walk(120000) == 120000)

-- tail call returning multiple values passes them all through
local function multi(n, a, b)
  if n == 0 then return a, b, "end" end
  return multi(n - 1, b, a)
end
local x, y, z = multi(100001, "L", "R")
assert(x == "R" and y == "L" and z == "end")

-- tail call via a variable holding a function and via a table field
local dispatch = {}
dispatch.go = function(n) if n <= 0 then return "done" end return dispatch.go(n - 2) end
assert(dispatch.go(200000) == "done")

-- (f(x)) in parentheses is NOT a tail call, but still works at small depth
local function notail(n) if n == 0 then return 0 end return (notail(n - 1)) end
assert(notail(1000) == 0)

-- a tail call to a C function works too
local function to_c(s) return string.upper(s) end
assert(to_c("abc") == "ABC")

-- tail call within a pcall-protected function
local ok, v = pcall(count_down, 150000, 7)
assert(ok and v == 150007)

-- a tail-called function that errors reports the error normally
local function boom() error("tail boom") end
local function caller() return boom() end
local ok2, err = pcall(caller)
assert(not ok2 and string.find(err, "tail boom", 1, true))
print(count_down(100000, 0), ping(100000), obj.steps, x, y, z, dispatch.go(5), v)
