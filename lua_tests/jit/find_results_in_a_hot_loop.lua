-- string.find and string.match for several results inside traced loops (select(2, s:find(...)), captures, a
-- negative init, no match) give what the library gives (one helper call without the argument checks).
local s = "  key = 12.5e3, other=  -7 ;  name=\"x y\"  "
local total, n = 0, 0
for round = 1, 300 do
  local pos = 1
  while true do
    pos = select(2, s:find("^[ \t]*", pos)) + 1
    local a, b, key = s:find("(%a+)%s*=", pos)
    if not a then break end
    local num = s:match("^%s*(-?%d+%.?%d*[eE]?[-+]?%d*)", b + 1)
    local st, en = s:find("[,;]", b + 1)
    total = total + (tonumber(num) or 0) + #key + (st or 0) + (en or 0)
    n = n + 1
    pos = (en or #s) + 1
  end
  local x, y, z = s:find("(%d+)", 1 + round % 5)
  total = total + x + y + #z
  local q, r = ("abc"):find("b", -2)
  total = total + q + r
  local none = select("#", s:find("zzz", 1))
  total = total + none
end
assert(total == 3785100.0 and n == 900, total .. " " .. n)
print(total, n)
