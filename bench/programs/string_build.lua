-- Build strings by concatenation in chunks.
-- quick: 2000
local n = tonumber(arg and arg[1]) or 12000000
local total = 0
local chunk = ""
for i = 1, n do
  chunk = chunk .. "x"
  if #chunk == 100 then total = total + #chunk; chunk = "" end
end
print(total + #chunk)
