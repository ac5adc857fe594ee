-- Are-We-Fast-Yet Queens: the eight-queens problem by backtracking over boolean tables, in a class made with metatables.
-- quick: 5
local N = tonumber(arg and arg[1]) or 2000

local Queens = {}
Queens.__index = Queens

function Queens.new()
  return setmetatable({}, Queens)
end

function Queens:benchmark()
  local result = true
  for _ = 1, 10 do
    result = result and self:queens()
  end
  return result
end

function Queens:verify_result(result)
  return result
end

function Queens:queens()
  self.free_rows = {}
  self.free_maxs = {}
  self.free_mins = {}
  self.queen_rows = {}
  for i = 1, 8 do self.free_rows[i] = true end
  for i = 1, 16 do
    self.free_maxs[i] = true
    self.free_mins[i] = true
  end
  for i = 1, 8 do self.queen_rows[i] = -1 end
  return self:place_queen(1)
end

function Queens:place_queen(c)
  for r = 1, 8 do
    if self:get_row_column(r, c) then
      self.queen_rows[r] = c
      self:set_row_column(r, c, false)
      if c == 8 then
        return true
      end
      if self:place_queen(c + 1) then
        return true
      end
      self:set_row_column(r, c, true)
    end
  end
  return false
end

function Queens:get_row_column(r, c)
  return self.free_rows[r] and self.free_maxs[c + r] and self.free_mins[c - r + 8]
end

function Queens:set_row_column(r, c, v)
  self.free_rows[r] = v
  self.free_maxs[c + r] = v
  self.free_mins[c - r + 8] = v
end

local bench = Queens.new()
local result
for i = 1, N do
  result = bench:benchmark()
  if not bench:verify_result(result) then
    error("Queens: wrong result in iteration " .. i)
  end
end
print(string.format("Queens: %d iterations, result %s, rows %s", N, tostring(result),
  table.concat(bench.queen_rows, " ")))
