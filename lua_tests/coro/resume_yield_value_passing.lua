-- Values flow both ways: resume args become yield results, yield args become resume results (incl. nil and varargs).
local function pack(...) return {n = select("#", ...), ...} end
local function show(label, t)
  local parts = {}
  for i = 1, t.n do parts[#parts + 1] = tostring(t[i]) end
  print(label, t.n, table.concat(parts, ","))
end

local co = coroutine.create(function(...)
  show("body args", pack(...))
  local r1 = pack(coroutine.yield())
  show("after yield()", r1)
  local r2 = pack(coroutine.yield(nil, nil))
  show("after yield(nil,nil)", r2)
  local r3 = pack(coroutine.yield(1, nil, 3))
  show("after yield(1,nil,3)", r3)
  return "done", nil, select("#", ...)
end)

local r = pack(coroutine.resume(co, "a", nil, "c"))
show("resume1", r)
assert(r.n == 1 and r[1] == true)
r = pack(coroutine.resume(co))
show("resume2", r)
assert(r.n == 3 and r[2] == nil and r[3] == nil)
r = pack(coroutine.resume(co, nil))
show("resume3", r)
assert(r.n == 4 and r[2] == 1 and r[4] == 3)
r = pack(coroutine.resume(co, "x", "y", nil, nil))
show("resume4", r)
assert(r.n == 4 and r[2] == "done" and r[4] == 3)
assert(coroutine.status(co) == "dead")

-- many values through one yield
local big = coroutine.wrap(function(...)
  local got = pack(coroutine.yield(...))
  return got.n, got[got.n]
end)
local t = {}
for i = 1, 200 do t[i] = i * i end
local out = pack(big(table.unpack(t)))
print("yielded count", out.n, out[1], out[200])
assert(out.n == 200 and out[200] == 40000)
print("returned", big(table.unpack(t, 1, 150)))
