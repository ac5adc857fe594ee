-- error() with no value or nil: pcall yields false plus nil; handlers, coroutines and wrap see nil too.
local r = table.pack(pcall(error))
print(r.n, r[1], r[2])
assert(r.n == 2 and r[1] == false and r[2] == nil)

r = table.pack(pcall(error, nil))
print(r.n, r[1], r[2])

r = table.pack(pcall(function() error() end))
print(r.n, r[1], r[2])

-- level has no effect on a nil value
r = table.pack(pcall(function() error(nil, 2) end))
print(r.n, r[1], r[2])

-- xpcall's handler is called with nil
local handler_arg = "unset"
local ok, v = xpcall(function() error() end, function(e) handler_arg = e; return "handled nil" end)
print(ok, v, handler_arg)
assert(handler_arg == nil)

-- a coroutine that errors with nil
local co = coroutine.create(function() error() end)
r = table.pack(coroutine.resume(co))
print(r.n, r[1], r[2], coroutine.status(co))

-- through coroutine.wrap: nil is not a string, so no position is added
local w = coroutine.wrap(function() error(nil) end)
r = table.pack(pcall(w))
print(r.n, r[1], r[2])

-- tostring of the caught value
ok, v = pcall(error)
print("message as string: " .. tostring(v))

-- rethrowing nil keeps it nil
ok, v = pcall(function()
  local iok, ierr = pcall(error)
  error(ierr)
end)
print(ok, v)

-- distinguishing "error(nil)" from success that returns nil
local function classify(f)
  local res = table.pack(pcall(f))
  if res[1] then return "success with " .. (res.n - 1) .. " values" end
  return "failure with " .. type(res[2])
end
print(classify(function() return nil end))
print(classify(function() error(nil) end))
print(classify(function() end))
