-- Errors raised inside metamethods propagate to pcall with their message; error levels and non-string errors work.
local function msg_of(f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error")
  return err
end

local M = setmetatable({}, {
  __index = function(_, k) error("no field " .. k) end,
  __newindex = function(_, k) error("cannot set " .. k, 2) end,
  __add = function() error({code = 17}) end,
  __call = function() error("call refused", 0) end,
  __concat = function() error("concat refused") end,
  __unm = function() error() end,
})

local e = msg_of(function() return M.foo end)
assert(string.find(e, "no field foo", 1, true), e)
assert(string.find(e, "^metamethod_errors_pcall.lua:%d+:"), "level 1 points at the metamethod")

e = msg_of(function() M.bar = 1 end)
assert(string.find(e, "cannot set bar", 1, true), e)

e = msg_of(function() return M + 1 end)
assert(type(e) == "table" and e.code == 17, "table error values pass through unchanged")

e = msg_of(function() return M() end)
assert(e == "call refused", "level 0 adds no position")

e = msg_of(function() return "x" .. M end)
assert(string.find(e, "concat refused", 1, true))

e = msg_of(function() return -M end)
assert(e == nil, "error() with no value gives nil")

-- a failing metamethod inside a loop stops the loop at that point
local done = 0
local T = setmetatable({}, {__index = function(_, i) if i > 3 then error("too far: " .. i) end return i end})
local ok, err = pcall(function()
  for i = 1, 10 do local _ = T[i]; done = i end
end)
assert(not ok and done == 3 and string.find(err, "too far: 4", 1, true), err)

-- xpcall handler sees the error from a metamethod
local handled
xpcall(function() return M.zzz end, function(m) handled = m:gsub("^.-:%d+: ", "") end)
assert(handled == "no field zzz", handled)

-- errors in __tostring via print/tostring
local S = setmetatable({}, {__tostring = function() error("bad tostring") end})
e = msg_of(tostring, S)
assert(string.find(e, "bad tostring", 1, true))

-- errors in __eq / __lt / __le / __len
local C = {}
C.__eq = function() error("eq!") end
C.__lt = function() error("lt!") end
C.__le = function() error("le!") end
C.__len = function() error("len!") end
local c1, c2 = setmetatable({}, C), setmetatable({}, C)
assert(string.find(msg_of(function() return c1 == c2 end), "eq!", 1, true))
assert(string.find(msg_of(function() return c1 < c2 end), "lt!", 1, true))
assert(string.find(msg_of(function() return c1 >= c2 end), "le!", 1, true))
assert(string.find(msg_of(function() return #c1 end), "len!", 1, true))
print(done, handled, (string.gsub(msg_of(function() return M.q end), "^.-:%d+: ", "")))
