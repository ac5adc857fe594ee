-- Non-tail recursion to moderate depth, mutual recursion via locals declared ahead, and stack overflow being catchable.
local function sum(n)
  if n == 0 then return 0 end
  return n + sum(n - 1)      -- not a tail call
end
assert(sum(100) == 5050)
assert(sum(5000) == 12502500, "5000 frames of real recursion work")

-- mutual recursion through forward-declared locals
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
assert(is_even(10) and is_odd(7) and not is_even(7))
assert(is_even(3000))

-- recursive local function sees itself via 'local function'
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
assert(fib(20) == 6765)

-- 'local f = function' does NOT see itself; the inner name refers to a global
local ok, err = pcall(function()
  local g = function(n) if n == 0 then return 0 end return g(n - 1) end
  return g(1)
end)
assert(not ok and string.find(err, "attempt to call a nil value (global 'g')", 1, true), err)

-- Ackermann for a bit of nesting
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
assert(ack(2, 3) == 9)

-- unbounded recursion produces a catchable stack overflow error
local function forever(n) return 1 + forever(n + 1) end
ok, err = pcall(forever, 1)
assert(not ok and string.find(err, "stack overflow", 1, true), err)

-- after the overflow, the interpreter still works
assert(sum(10) == 55)

-- recursion through a table field and a method
local tree = {value = 1, children = {
  {value = 2, children = {{value = 4, children = {}}}},
  {value = 3, children = {}},
}}
function tree.total(node)
  local t = node.value
  for _, c in ipairs(node.children) do t = t + tree.total(c) end
  return t
end
assert(tree.total(tree) == 10)
print(sum(100), fib(20), ack(2, 3), is_even(3000), tree.total(tree), "overflow caught")
