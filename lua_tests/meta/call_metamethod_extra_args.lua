-- __call receives the called object first, then the arguments; results, method use, nesting and errors.
local counter = setmetatable({n = 0}, {
  __call = function(self, step, ...)
    self.n = self.n + (step or 1)
    return self.n, select("#", ...)
  end,
})
local v, extra = counter(5, "a", nil)
assert(v == 5 and extra == 2, "extra args, including trailing nil, are passed")
assert(counter() == 6)

-- used as a method, the callable gets (callable, receiver, args...)
local recorder = setmetatable({}, {__call = function(self, a, b, c) return self, a, b, c end})
local host = {run = recorder}
local s, a, b, c = host:run(1, 2)
assert(s == recorder and a == host and b == 1 and c == 2)

-- nested: the __call of a table is itself a callable table
local inner = setmetatable({}, {__call = function(_, ...) return "inner", ... end})
local outer = setmetatable({}, {__call = inner})
local tag, x1, x2, x3 = outer("arg")
assert(tag == "inner", "__call may be another callable object")
assert(x1 == outer and x2 == "arg" and x3 == nil, "each level prepends its object")

-- pcall calls it; table.sort insists on a real function; gsub treats a table as a lookup table
local ok, res = pcall(counter, 4)
assert(ok and res == 10)
local cmp = setmetatable({}, {__call = function(_, p, q) return p > q end})
local ok1, serr = pcall(table.sort, {3, 1, 2}, cmp)
assert(not ok1 and string.find(serr, "function expected, got table", 1, true), serr)
local up = setmetatable({}, {__call = function(_, w) return w:upper() end})
assert((string.gsub("ab cd", "%a+", up)) == "ab cd", "indexed, not called: no match keeps the text")

-- tail call into a callable
local function tail() return counter(0) end
assert(tail() == 10)

-- returning many values from __call
local many = setmetatable({}, {__call = function() return 1, 2, 3 end})
assert(select("#", many()) == 3)

-- calling a table without __call is an error naming the variable
local plain = {}
local ok2, err = pcall(function() return plain() end)
assert(not ok2 and string.find(err, "attempt to call a table value (upvalue 'plain')", 1, true), err)

-- __call that is not callable
local broken = setmetatable({}, {__call = 42})
ok2, err = pcall(broken)
assert(not ok2 and string.find(err, "attempt to call a number value", 1, true), err)

-- __call on a metatable of a metatable has no effect on the original
local meta_of_meta = setmetatable({}, {__call = function() return "mm" end})
local t = setmetatable({}, meta_of_meta)
ok2 = pcall(t)
assert(not ok2, "__call is looked up raw in the metatable only")
print(counter.n, v, extra, tag, x2, select("#", many()))
