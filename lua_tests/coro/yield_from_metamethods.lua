-- Yielding from inside metamethods: __index, __newindex, __add, __lt, __le, __concat, __call, __eq, __len, __unm.
local log = {}
local mt = {}
mt.__index = function(t, k) return coroutine.yield("index", k) end
mt.__newindex = function(t, k, v) rawset(t, k, coroutine.yield("newindex", k, v)) end
mt.__add = function(a, b) return coroutine.yield("add") end
mt.__lt = function(a, b) return coroutine.yield("lt") end
mt.__le = function(a, b) return coroutine.yield("le") end
mt.__concat = function(a, b) return coroutine.yield("concat") end
mt.__call = function(self, x) return coroutine.yield("call", x) end
mt.__eq = function(a, b) return coroutine.yield("eq") end
mt.__len = function(a) return coroutine.yield("len") end
mt.__unm = function(a) return coroutine.yield("unm") end

local co = coroutine.create(function()
  local o = setmetatable({}, mt)
  local p = setmetatable({}, mt)
  log[#log + 1] = "index=" .. tostring(o.key)
  o.slot = "ignored"
  log[#log + 1] = "newindex=" .. tostring(rawget(o, "slot"))
  log[#log + 1] = "add=" .. tostring(o + 1)
  log[#log + 1] = "lt=" .. tostring(o < p)
  log[#log + 1] = "le=" .. tostring(o <= p)
  log[#log + 1] = "concat=" .. tostring(o .. "s")
  log[#log + 1] = "call=" .. tostring(o(99))
  log[#log + 1] = "eq=" .. tostring(o == p)
  log[#log + 1] = "len=" .. tostring(#o)
  log[#log + 1] = "unm=" .. tostring(-o)
  -- comparisons convert the metamethod result to a boolean (0 is true, nil is false)
  log[#log + 1] = "gt=" .. tostring(p > o)
  return "finished"
end)

local answers = {"v", "stored", 41, 0, false, "cat", "called", 1, 7, "neg", nil}
local i = 0
local input
while true do
  local ok, what, a, b = coroutine.resume(co, input)
  assert(ok, what)
  print("yielded", what, a, b)
  if coroutine.status(co) == "dead" then break end
  i = i + 1
  input = answers[i]
end
for _, line in ipairs(log) do print(line) end
assert(#log == 11)
assert(log[4] == "lt=true" and log[5] == "le=false" and log[11] == "gt=false")
assert(log[8] == "eq=true")
