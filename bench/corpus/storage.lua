-- Are-We-Fast-Yet Storage: a tree of tables of depth 7 with random-sized leaf arrays; allocation and GC pressure.
-- quick: 10
local N = tonumber(arg and arg[1]) or 500

local Random = {}
Random.__index = Random

function Random.new()
  return setmetatable({ seed = 74755 }, Random)
end

function Random:next()
  self.seed = ((self.seed * 1309) + 13849) & 65535
  return self.seed
end

local Storage = {}
Storage.__index = Storage

function Storage.new()
  return setmetatable({ count = 0 }, Storage)
end

function Storage:benchmark()
  local random = Random.new()
  self.count = 0
  self:build_tree_depth(7, random)
  return self.count
end

function Storage:verify_result(result)
  return result == 5461
end

function Storage:build_tree_depth(depth, random)
  self.count = self.count + 1
  if depth == 1 then
    local n = random:next() % 10 + 1
    local leaf = {}
    for i = 1, n do leaf[i] = 0 end
    return leaf
  else
    local arr = {}
    for i = 1, 4 do
      arr[i] = self:build_tree_depth(depth - 1, random)
    end
    return arr
  end
end

local bench = Storage.new()
local result
for i = 1, N do
  result = bench:benchmark()
  if not bench:verify_result(result) then
    error("Storage: wrong result " .. result .. " in iteration " .. i)
  end
end
print("Storage: " .. N .. " iterations, " .. result .. " tables")
