-- Are-We-Fast-Yet List: the Takeuchi-like tail function over linked lists of element objects; recursion and field walks.
-- quick: 20
local N = tonumber(arg and arg[1]) or 2400

local Element = {}
Element.__index = Element

function Element.new(v)
  return setmetatable({ val = v, next = nil }, Element)
end

function Element:length()
  if self.next == nil then
    return 1
  end
  return 1 + self.next:length()
end

local List = {}
List.__index = List

function List.new()
  return setmetatable({}, List)
end

function List:make_list(length)
  if length == 0 then
    return nil
  end
  local e = Element.new(length)
  e.next = self:make_list(length - 1)
  return e
end

function List:is_shorter_than(x, y)
  local x_tail, y_tail = x, y
  while y_tail ~= nil do
    if x_tail == nil then
      return true
    end
    x_tail = x_tail.next
    y_tail = y_tail.next
  end
  return false
end

function List:tail(x, y, z)
  if self:is_shorter_than(y, x) then
    return self:tail(self:tail(x.next, y, z), self:tail(y.next, z, x), self:tail(z.next, x, y))
  end
  return z
end

function List:benchmark()
  local result = self:tail(self:make_list(15), self:make_list(10), self:make_list(6))
  return result:length()
end

function List:verify_result(result)
  return result == 10
end

local bench = List.new()
local result
for i = 1, N do
  result = bench:benchmark()
  if not bench:verify_result(result) then
    error("List: wrong result " .. result .. " in iteration " .. i)
  end
end
print("List: " .. N .. " iterations, length " .. result)
