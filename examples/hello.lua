-- A first ylua program: closures, tables, metatables, string building.
local Counter = {}
Counter.__index = Counter

function Counter.new(name) return setmetatable({name = name, n = 0}, Counter) end
function Counter:bump(k) self.n = self.n + (k or 1); return self end

local c = Counter.new("loops")
for i = 1, 10 do c:bump(i) end
print("hello from ylua: " .. c.name .. " counted " .. c.n)
