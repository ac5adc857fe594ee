-- Are-We-Fast-Yet Permute: all permutations of a 6-element 0-based table by recursive swapping, counted.
-- quick: 20
local N = tonumber(arg and arg[1]) or 1600

local Permute = {}
Permute.__index = Permute

function Permute.new()
  return setmetatable({ count = 0, v = nil }, Permute)
end

function Permute:benchmark()
  self.count = 0
  self.v = { [0] = 0, 0, 0, 0, 0, 0 }
  self:permute(6)
  return self.count
end

function Permute:verify_result(result)
  return result == 8660
end

function Permute:permute(n)
  self.count = self.count + 1
  if n ~= 0 then
    local n1 = n - 1
    self:permute(n1)
    for i = n1, 0, -1 do
      self:swap(n1, i)
      self:permute(n1)
      self:swap(n1, i)
    end
  end
end

function Permute:swap(i, j)
  local v = self.v
  local tmp = v[i]
  v[i] = v[j]
  v[j] = tmp
end

local bench = Permute.new()
local result
for i = 1, N do
  result = bench:benchmark()
  if not bench:verify_result(result) then
    error("Permute: wrong result " .. result .. " in iteration " .. i)
  end
end
print("Permute: " .. N .. " iterations, count " .. result)
