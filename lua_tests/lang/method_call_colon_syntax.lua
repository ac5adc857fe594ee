-- obj:m(...) passes obj as self; 'function t:m' adds a self parameter; method calls on strings and call results.
local account = {balance = 100}
function account:deposit(n) self.balance = self.balance + n; return self end
function account.withdraw(self, n) self.balance = self.balance - n; return self end
account:deposit(50)
account.deposit(account, 25)
assert(account.balance == 175)
account:withdraw(75)
assert(account.balance == 100, "dot-defined function is callable with colon")

-- chaining method calls on returned self
account:deposit(1):deposit(2):withdraw(3)
assert(account.balance == 100)

-- the receiver expression is evaluated only once
local evals = 0
local function get() evals = evals + 1; return account end
get():deposit(10)
assert(evals == 1 and account.balance == 110)

-- string methods through the string metatable
local s = "Hello"
assert(s:upper() == "HELLO" and s:len() == 5 and s:sub(2, 3) == "el")
assert(("x"):rep(3) == "xxx", "parenthesised literal receiver")
assert(("%d-%d"):format(1, 2) == "1-2")

-- call sugar: f{...} and f"..." and obj:m"..." / obj:m{...}
local function first(t) return t[1] end
assert(first{9, 8} == 9)
local function id(x) return x end
assert(id"lit" == "lit")
local greeter = {prefix = ">"}
function greeter:say(msg) return self.prefix .. msg end
assert(greeter:say"hi" == ">hi")
function greeter:count(list) return #list end
assert(greeter:count{1, 2, 3} == 3)

-- calling a missing method gives a helpful error
local ok, err = pcall(function() return account:missing() end)
assert(not ok and string.find(err, "attempt to call a nil value (method 'missing')", 1, true), err)

-- calling a method on nil
ok, err = pcall(function() local nothing; return nothing:foo() end)
assert(not ok and string.find(err, "attempt to index a nil value (local 'nothing')", 1, true), err)

-- methods with varargs see self first
local m = {}
function m:args(...) return self == m, select("#", ...) end
local is_self, n = m:args(nil, nil)
assert(is_self and n == 2)

-- nested method definitions with dotted names
local ns = {inner = {}}
function ns.inner:tag() return self == ns.inner end
assert(ns.inner:tag())
print(account.balance, evals, s:upper(), ("x"):rep(3), greeter:say"hi", is_self, n, ns.inner:tag())
