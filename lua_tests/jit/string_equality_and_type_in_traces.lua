-- Strings compared natively (the same object, or the same bytes: a constant against a string built at run time),
-- and type(v) as the constant name of the type the trace guards v to have, over values of every type and nil.
local words = { "alpha", "beta", "gamma", "alpha", "delta", "beta" }
local counts = { alpha = 0, other = 0, same = 0 }
local prev = nil
for i = 1, 3000 do
  local w = words[1 + i % #words]
  local built = string.sub("xalphax", 2, 6)
  if w == "alpha" then counts.alpha = counts.alpha + 1 else counts.other = counts.other + 1 end
  if w == built then counts.same = counts.same + 1 end
  if prev ~= nil and prev ~= w then counts.other = counts.other + 0 end
  if type(w) == "string" and w ~= "" then prev = w end
end
print(counts.alpha, counts.other, counts.same)

local vals = { 1, 2.5, "s", {}, print, function() end, true, false, coroutine.create(function() end), io.stdout }
counts = {}
for i = 1, 3000 do
  local v = vals[1 + i % #vals]
  if i % 97 == 0 then v = nil end
  local t = type(v)
  counts[t] = (counts[t] or 0) + 1
  if type(v) == "number" and math.type(v) == "float" then counts.f = (counts.f or 0) + 1 end
end
local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", counts[k], " ") end
print(pcall(type))
