-- __close runs in reverse declaration order at scope exit, on break/return/error, with the error as 2nd argument.
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, e)
    log[#log + 1] = name .. (e and (":" .. tostring(e):gsub("^.-:%d+: ", "")) or "")
  end})
end

do
  local a <close> = closer("a")
  local b <close> = closer("b")
  log[#log + 1] = "body"
end
assert(table.concat(log, ",") == "body,b,a", table.concat(log, ","))

-- break out of a loop closes the iteration's variables
log = {}
for i = 1, 3 do
  local c <close> = closer("it" .. i)
  if i == 2 then break end
end
assert(table.concat(log, ",") == "it1,it2")

-- return closes after the return values are computed
log = {}
local function f()
  local x <close> = closer("x")
  log[#log + 1] = "returning"
  return #log
end
assert(f() == 1 and table.concat(log, ",") == "returning,x")

-- an error closes with the error object and is then re-raised
log = {}
local ok, err = pcall(function()
  local y <close> = closer("y")
  error("boom")
end)
assert(not ok and string.find(err, "boom", 1, true))
assert(log[1] == "y:boom", log[1])

-- a __close that errors replaces the original error
log = {}
ok, err = pcall(function()
  local z <close> = setmetatable({}, {__close = function() error("close failed", 0) end})
  local w <close> = closer("w")
  error("first", 0)
end)
assert(not ok and err == "close failed", err)
assert(log[1] == "w:first")

-- nil and false are allowed and skipped
do local n <close> = nil; local f2 <close> = false end

-- goto out of a block closes it
log = {}
do
  local g <close> = closer("g")
  goto out
end
::out::
assert(log[1] == "g")

-- the value is closed even when the variable was captured by a closure
log = {}
local keep
do
  local h <close> = closer("h")
  keep = function() return h end
end
assert(log[1] == "h" and keep() ~= nil)
print(table.concat(log, ","), f(), err)
