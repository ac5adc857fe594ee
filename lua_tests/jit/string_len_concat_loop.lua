-- # and .. on strings in hot loops (natively when every operand is a string), mixed with numbers that concat
-- converts, a __concat metamethod on a table, a __len that strings never consult, and embedded zeros.
local s, total = "", 0
for i = 1, 400 do
  s = s .. "ab"
  if #s >= 50 then total = total + #s; s = "" end
end
print(total, #s)

local parts = {}
for i = 1, 300 do
  local a = (i % 2 == 0) and "x" or i        -- a number every other time: converted by .. 
  local b = (i % 3 == 0) and 2.5 or "y"
  parts[i % 7 + 1] = a .. b .. "\0z"
end
for i = 1, 7 do io.write(#parts[i], ":", (parts[i]:gsub("%z", "0")), " ") end
print()

local mt = {__concat = function(x, y) return "cat" end, __len = function() return 99 end}
local obj = setmetatable({}, mt)
local n = 0
for i = 1, 300 do
  local v = (i > 200) and obj or "str"
  local r = v .. "!"
  n = n + #r + (i > 250 and #obj or 0)
end
print(n)
getmetatable("").__len = function() return -1 end  -- never consulted for strings
local m = 0
for i = 1, 200 do m = m + #("abc" .. i) end
print(m)
