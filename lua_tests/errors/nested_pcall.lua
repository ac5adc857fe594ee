-- Nested pcall/xpcall: inner failures are contained, rethrows reach the right level, results pass through.
local trace = {}
local function log(s) trace[#trace + 1] = s end

local ok, a, b = pcall(function()
  local iok, ierr = pcall(function() error("inner", 0) end)
  log("inner caught: " .. tostring(iok) .. " " .. ierr)
  return "outer fine", 2
end)
print(ok, a, b)

-- an error in the outer function after a caught inner one
ok, a = pcall(function()
  pcall(error, "swallowed")
  error("outer", 0)
end)
print(ok, a)

-- rethrow adds nothing when level 0 is used
ok, a = pcall(function()
  local iok, ierr = pcall(error, "deep", 0)
  error("rethrown: " .. ierr, 0)
end)
print(ok, a)

-- pcall of pcall: the inner pcall never raises, so the outer one always succeeds
print(pcall(pcall, error, "x"))
print(pcall(pcall, pcall, error, "y"))
print(select("#", pcall(pcall)))
print(pcall(pcall))

-- deeply nested pcalls, each adding to the message
local function wrap(n)
  if n == 0 then error("base", 0) end
  local iok, e = pcall(wrap, n - 1)
  error(e .. "<" .. n, 0)
end
ok, a = pcall(wrap, 5)
print(ok, a)
assert(a == "base<1<2<3<4<5")

-- xpcall inside pcall: the handler's result is what the inner call returns
ok, a, b = pcall(function()
  return xpcall(function() error({n = 1}) end, function(e) return e.n + 1 end)
end)
print(ok, a, b)

-- an error inside an xpcall handler ends as "error in error handling"
ok, a = xpcall(function() error("first") end, function(e) error("handler broke") end)
print(ok, a)

-- results of successful pcall are returned verbatim, including nils
local r = table.pack(pcall(function() return nil, 1, nil end))
print(r.n, r[1], r[2], r[3], r[4])
for _, t in ipairs(trace) do print(t) end
