-- Infinite recursion raises a catchable "stack overflow" error; the interpreter keeps working afterwards.
local function infinite(n) return 1 + infinite(n + 1) end

local ok, m = pcall(infinite, 1)
print("caught", ok)
print("mentions stack overflow", type(m) == "string" and m:find("stack overflow", 1, true) ~= nil)
assert(not ok and m:find("stack overflow", 1, true))

-- mutual recursion overflows the same way
local a, b
function a(n) return b(n) + 1 end
function b(n) return a(n) + 1 end
ok, m = pcall(a, 0)
print("mutual", ok, m:find("stack overflow", 1, true) ~= nil)

-- recursion through a metamethod
local t = setmetatable({}, {})
getmetatable(t).__index = function(self, k) return self[k .. "x"] end
ok, m = pcall(function() return t.key end)
print("via __index", ok, type(m) == "string" and m:find("stack overflow", 1, true) ~= nil)

-- after an overflow, ordinary deep-but-finite recursion still works
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print("depth 150", depth(150))
assert(depth(150) == 150)

-- tail calls do not grow the stack, so this does not overflow
local function loop(n) if n == 0 then return "tail ok" end return loop(n - 1) end
print(loop(100000))

-- overflow inside a coroutine is reported by resume
local co = coroutine.create(function() return infinite(1) end)
local cok, cm = coroutine.resume(co)
print("coroutine", cok, cm:find("stack overflow", 1, true) ~= nil, coroutine.status(co))

-- the error can be caught repeatedly
local caught = 0
for _ = 1, 3 do
  if not pcall(infinite, 1) then caught = caught + 1 end
end
print("caught repeatedly", caught)
