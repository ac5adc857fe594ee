-- <close> variables: closed in reverse order at block exit, on break, goto, return and error.
local log = {}
local function table_concat_free(t)
  local s = ""
  for i = 1, #t do s = s .. (i > 1 and "," or "") .. t[i] end
  return s
end
local function closer(name)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. (err and ":err" or "") end})
end

do
  local a <close> = closer("a")
  local b <close> = closer("b")
  log[#log + 1] = "body"
end
assert(table_concat_free(log) == "body,b,a", table_concat_free(log))


log = {}
for i = 1, 3 do
  local c <close> = closer("loop" .. i)
  if i == 2 then break end
end
assert(table_concat_free(log) == "loop1,loop2", table_concat_free(log))

log = {}
local function f()
  local x <close> = closer("ret")
  return "value"
end
assert(f() == "value" and table_concat_free(log) == "ret")

log = {}
local ok, msg = pcall(function()
  local y <close> = closer("err")
  error("boom", 0)
end)
assert(not ok and msg == "boom" and table_concat_free(log) == "err:err", table_concat_free(log))

log = {}
do
  local i = 0
  ::again::
  do
    local z <close> = closer("goto" .. i)
    i = i + 1
    if i < 3 then goto again end
  end
end
assert(table_concat_free(log) == "goto0,goto1,goto2", table_concat_free(log))

local ok2, msg2 = pcall(function() local bad <close> = 42 end)
assert(not ok2 and msg2 == "to_be_closed.lua:53: variable 'bad' got a non-closable value", msg2)
local nothing <close> = nil
print("tbc ok")
