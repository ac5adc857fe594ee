-- Higher-order functions: map/filter/reduce with closures and upvalues, varargs via select/table.pack/unpack, pcall in loops.
-- quick: 5
local N = tonumber(arg and arg[1]) or 40000

function map(f, t)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end

function filter(p, t)
  local r = {}
  for _, v in ipairs(t) do
    if p(v) then r[#r + 1] = v end
  end
  return r
end

function reduce(f, acc, t)
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end

local function compose(...)
  local fs = table.pack(...)
  return function(...)
    local res = table.pack(...)
    for i = fs.n, 1, -1 do
      res = table.pack(fs[i](table.unpack(res, 1, res.n)))
    end
    return table.unpack(res, 1, res.n)
  end
end

local function curry(f, a)
  return function(...) return f(a, ...) end
end

local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if v then s = s + v end
  end
  return s
end

local function count_nils(...)
  local t = table.pack(...)
  local n = 0
  for i = 1, t.n do
    if t[i] == nil then n = n + 1 end
  end
  return n, t.n
end

local function make_counter(step)
  local count = 0
  return function()
    count = count + step
    return count
  end, function()
    count = 0
  end
end

local function make_accumulators(n)
  local fs = {}
  for i = 1, n do
    local acc = i
    fs[i] = function(x)
      acc = acc + x
      return acc
    end
  end
  return fs
end

local function risky(i)
  if i % 7 == 0 then error({ code = i }) end
  if i % 11 == 0 then error("eleven:" .. i, 0) end
  if i % 13 == 0 then error("thirteen") end
  return i * 2
end

local function minmax(...)
  local lo, hi = math.huge, -math.huge
  for _, v in ipairs({ ... }) do
    if v < lo then lo = v end
    if v > hi then hi = v end
  end
  return lo, hi
end

local data = {}
for i = 1, 200 do data[i] = (i * 7919) % 1000 end

local total, errors_tbl, errors_str, positioned = 0, 0, 0, nil
for round = 1, N do
  local square = function(x) return x * x end
  local even = function(x) return x % 2 == 0 end
  local add = function(a, b) return a + b end
  local evens = filter(even, data)
  local sq = map(square, evens)
  total = total + reduce(add, 0, sq) % 1000003

  local inc_then_double = compose(function(x) return x * 2 end, function(x) return x + round end)
  local add3 = curry(function(a, b, c) return a + b + (c or 0) end, round)
  total = total + inc_then_double(3) + add3(1, 2) + add3(5)

  total = total + sum(1, nil, 3, nil, 5) + select("#", nil, nil) + select(-1, 10, 20, 30)
  local nils, n = count_nils(nil, round, nil, nil)
  total = total + nils * 10 + n

  local next_val, reset = make_counter(round % 5 + 1)
  for _ = 1, 10 do next_val() end
  total = total + next_val()
  reset()
  total = total + next_val()

  local accs = make_accumulators(8)
  for i = 1, #accs do
    total = total + accs[i](round) + accs[i](1)
  end

  for i = 1, 60 do
    local ok, res = pcall(risky, i + round)
    if ok then
      total = total + res
    elseif type(res) == "table" then
      errors_tbl = errors_tbl + 1
      total = total + res.code
    else
      errors_str = errors_str + 1
      if res:find("thirteen") then positioned = res end
    end
  end

  local lo, hi = minmax(table.unpack(data, round % 50 + 1, round % 50 + 20))
  total = (total + lo * 3 + hi) % 1000000007

  -- string keys through a varargs-built table
  local t = { n = select("#", "a", "b", "c"), ... }
  total = total + t.n + #t
end

print(string.format("%d rounds: total %d, table errors %d, string errors %d", N, total, errors_tbl, errors_str))
print("last positioned error: " .. tostring(positioned))
print(select("#", table.unpack({ 1, 2, nil, 4 }, 1, 4)), select(2, "x", "y", "z"))
print(pcall(error))
print(pcall(error, nil))
print(select("#", pcall(error, "msg", 0)), (select(2, pcall(error, "msg", 0))))
