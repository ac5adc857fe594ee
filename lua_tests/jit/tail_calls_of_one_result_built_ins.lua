-- `return f(...)` of a built-in that always returns one value (setmetatable, type, tonumber, string.sub/char/len,
-- math.floor/max/sqrt...) where the caller wants all the results: the trace computes that one value, and the
-- caller sees exactly one, nil included (tonumber of a non-numeral), in hot loops and in inlined metamethods.
local V = {}
V.__add = function(a, b) return setmetatable({ x = a.x + b.x }, V) end
local function new(x) return setmetatable({ x = x }, V) end
local function num(s) return tonumber(s) end
local function kind(v) return type(v) end
local function part(s, i) return s:sub(i, i + 1) end
local function low(x) return math.floor(x) end
local function big(a, b) return math.max(a, b) end
local function root(x) return math.sqrt(x) end
local function count(...) return select("#", ...) end

local sum, counts = 0, 0
local words = { "12", "x", "0x10", "", "3.5" }
for i = 1, 400 do
  local w = words[i % #words + 1]
  counts = counts + count(new(i)) + count(num(w)) + count(kind(w)) + count(part(w, 1)) + count(low(i / 3))
    + count(big(i, 200)) + count(root(i)) + count(new(i) + new(2))
  local n = num(w)
  sum = sum + (n or -1) + #kind(n) + #part("abcdef", i % 6) + low(i / 3) + big(i, 200) + (new(i) + new(2)).x
  assert(math.type(low(i / 3)) == "integer")
end
assert(counts == 400 * 8, counts)
print(sum, counts)
