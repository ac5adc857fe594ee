-- error() with non-string values: pcall returns the very same table/number/boolean, no position is added.
local err = {code = 404, reason = "not found"}
local ok, e = pcall(error, err)
print(ok, e == err, e.code, e.reason)
assert(rawequal(e, err))

ok, e = pcall(function() error(err, 2) end)
print("level ignored for tables", e == err)

ok, e = pcall(function() error(42) end)
print(ok, e, math.type(e))
ok, e = pcall(function() error(3.5) end)
print(ok, e, math.type(e))
ok, e = pcall(function() error(false) end)
print(ok, e, type(e))
ok, e = pcall(function() error(true) end)
print(ok, e, type(e))

-- a table error with a __tostring metamethod is still returned as a table
local E = setmetatable({msg = "custom"}, {__tostring = function(self) return "E(" .. self.msg .. ")" end})
ok, e = pcall(error, E)
print(ok, type(e), tostring(e))

-- structured errors: rethrowing keeps identity across nested pcalls
local function try(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then return table.unpack(r, 2, r.n) end
  if type(r[2]) == "table" then r[2].depth = (r[2].depth or 0) + 1 end
  error(r[2], 0)
end
local thrown = {kind = "io"}
ok, e = pcall(try, try, try, function() error(thrown) end)
print(ok, e == thrown, e.kind, e.depth)
assert(e.depth == 3)

-- a function as error value
local fn = function() return "from fn" end
ok, e = pcall(error, fn)
print(ok, type(e), e == fn, e())

-- a coroutine as error value
local co = coroutine.create(function() end)
ok, e = pcall(error, co)
print(ok, type(e), e == co)

-- string error values are the only ones that get a position
ok, e = pcall(function() error("s") end)
print(ok, e)
ok, e = pcall(function() error(12) end)
print(ok, e)
