-- Methods and fields found through chains of __index tables (object -> class -> base -> root) in hot loops,
-- while the chain changes under the trace: an override appears in a middle class, a base class is swapped,
-- a level turns into an __index function, and a field shadows the method on the object itself.
local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

local Root = class()
function Root:kind() return "root" end
Root.weight = 1
local Mid = class(Root)
local Leaf = class(Mid)
local obj = setmetatable({}, Leaf)

local log = {}
local total = 0
for i = 1, 600 do
  if i == 150 then function Mid:kind() return "mid" end end          -- override in the middle class
  if i == 250 then Mid.kind = nil end                                -- and gone again
  if i == 300 then setmetatable(Mid, {__index = {kind = function() return "other" end, weight = 5}}) end
  if i == 400 then getmetatable(Mid).__index = function(_, k) if k == "kind" then return function() return "fn" end end return 7 end end
  if i == 500 then obj.kind = function() return "own" end end        -- shadowed on the object
  if i == 550 then Leaf.weight = 2 end
  local k = obj:kind()
  total = total + obj.weight
  log[k] = (log[k] or 0) + 1
end
local keys = {}
for k in pairs(log) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do print(k, log[k]) end
print(total)
assert(log.root == 149 + 50 and log.mid == 100 and log.other == 100 and log.fn == 100 and log.own == 101)

-- a deep chain (more levels than the trace follows) still gives the right answers
local chain = class()
chain.deep = 42
for _ = 1, 8 do chain = class(chain) end
local o2 = setmetatable({}, chain)
local s = 0
for _ = 1, 300 do s = s + o2.deep end
print(s)
assert(s == 42 * 300)
