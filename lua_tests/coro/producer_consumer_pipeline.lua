-- A producer -> filter -> consumer pipeline built from coroutines that pass lines along with resume/yield.
local function producer(lines)
  return coroutine.create(function()
    for _, line in ipairs(lines) do coroutine.yield(line) end
    return nil
  end)
end

local function receive(prod)
  local ok, value = coroutine.resume(prod)
  assert(ok, value)
  return value
end

local function send(x) coroutine.yield(x) end

-- filter stage: numbers each line and drops comments
local function numberer(prod)
  return coroutine.create(function()
    local n = 0
    while true do
      local line = receive(prod)
      if line == nil then return nil end
      if not line:match("^#") then
        n = n + 1
        send(string.format("%3d: %s", n, line))
      end
    end
  end)
end

-- second filter: upper-cases
local function upper(prod)
  return coroutine.create(function()
    for line in function() return receive(prod) end do send(line:upper()) end
  end)
end

local function consumer(prod)
  local out = {}
  while true do
    local line = receive(prod)
    if line == nil then break end
    out[#out + 1] = line
  end
  return out
end

local input = {"alpha", "# skip me", "beta", "gamma", "# and me", "delta"}
local result = consumer(upper(numberer(producer(input))))
for _, l in ipairs(result) do print(l) end
assert(#result == 4 and result[4] == "  4: DELTA")

-- consumer-driven: the consumer resumes the producer only as much as it needs
local produced = 0
local lazy = coroutine.wrap(function()
  while true do produced = produced + 1; coroutine.yield(produced) end
end)
local got = {}
for _ = 1, 5 do got[#got + 1] = lazy() end
print("consumed", table.concat(got, " "), "produced", produced)
assert(produced == 5)
