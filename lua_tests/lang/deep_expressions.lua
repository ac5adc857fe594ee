-- Chains that PUC reads in a loop work at any length: left-associative operators (a + b + c ...), and/or,
-- comparisons, field and call suffixes. Nesting (parentheses, blocks, right-associative operators, unary
-- operators, consecutive labels) is bounded as in PUC: past about 200 levels it is a C stack overflow.
local function chain(n, term, sep) return string.rep(term .. sep, n - 1) .. term end
local N = 20000
print(load("return " .. chain(N, "1", " + "))())
print(load("local x = ... return " .. chain(N, "x", " - "))(3))
print(load("local x = ... return " .. chain(N, "x", " * "))(1.5) == math.huge)
print(load("local x = ... return " .. chain(N, "x", " and "))(7))
print(load("local x = ... return " .. chain(N, "x", " or "))(false))
print(load("local x = ... return x" .. string.rep(" == x", N))(1))
print(load("local x = ... if " .. chain(N, "x", " and ") .. " then return 'all' end")(true))
local t = {}
t.a = t
print(load("local t = ... return t" .. string.rep(".a", N) .. " == t")(t))
print(load("local t = ... return t" .. string.rep("['a']", N) .. " == t")(t))
local function f() return f end
print(load("local f = ... return f" .. string.rep("()", N) .. " == f")(f))
local o = {}
function o:m() return self end
print(load("local o = ... return o" .. string.rep(":m()", N) .. " == o")(o))
print(load("return " .. chain(150, "'a'", " .. "))():len())

local function too_deep(src)
  local fn, err = load(src, "=deep")
  print(fn == nil and err:find("C stack overflow", 1, true) ~= nil)
end
too_deep("return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300))
too_deep(string.rep("do ", 300) .. string.rep("end ", 300))
too_deep("return " .. chain(300, "'a'", " .. "))
too_deep("return " .. chain(300, "2", " ^ "))
too_deep("return " .. string.rep("not ", 300) .. "nil")
too_deep("return " .. string.rep("{", 300) .. string.rep("}", 300))
too_deep(chain(300, "a", ", ") .. " = 1")
