-- ipairs(v) and pairs(t) started inside traced loops (their results are known without a call: the iterator, the
-- argument, the first control value) iterate as the library does: plain tables, a proxy with __index (ipairs goes
-- through it), __pairs (pairs calls it), and the errors for what cannot be iterated.
local rows = {}
for i = 1, 40 do rows[i] = { i, i * 2, i * 3, name = "r" .. i } end
local proxy = setmetatable({}, { __index = function(_, k) if k <= 3 then return k * 100 end end })
local custom = setmetatable({}, { __pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end })

local isum, hsum, psum, csum, keys = 0, 0, 0, 0, 0
for round = 1, 30 do
  for _, row in ipairs(rows) do
    for j, v in ipairs(row) do isum = isum + j * v end
    for k, v in pairs(row) do
      keys = keys + 1
      if type(v) == "number" then hsum = hsum + v end
    end
  end
  for i, v in ipairs(proxy) do psum = psum + i + v end
  for k, v in pairs(custom) do csum = csum + k + #v end
end
assert(keys == 30 * 40 * 4, keys)

local errs = 0
for i = 1, 60 do
  local ok, err = pcall(function()
    for _ in ipairs(i % 3 == 0 and 5 or {}) do end
  end)
  if not ok then
    errs = errs + 1
    assert(err:find("attempt to index a number value", 1, true), err)
  end
end
local ok, err = pcall(ipairs)
assert(not ok and err:find("bad argument #1 to 'ipairs'", 1, true), err)
ok, err = pcall(function() for _ in pairs(nil) do end end)
assert(not ok, err)
print(isum, hsum, psum, csum, keys, errs)
