-- Runtime errors raised from inside a running trace on a late iteration; messages and variable names must match.
local function run(f)
  local ok, e = pcall(f)
  print(ok, e)
end
local data = {}
for i = 1, 400 do data[i] = {x = i} end
data[350] = nil
run(function()
  local s = 0
  for i = 1, 400 do s = s + data[i].x end
  return s
end)
local vals = {}
for i = 1, 400 do vals[i] = i end
vals[333] = true
run(function()
  local s = 0
  for i = 1, 400 do s = s + vals[i] * 2 end
  return s
end)
vals[333] = {}
run(function()
  local s = 0
  for i = 1, 400 do local v = vals[i]; s = s + v end
  return s
end)
run(function()
  local s = ""
  for i = 1, 400 do s = s .. (i < 390 and i or {}) end
  return #s
end)
run(function()
  local f = function(x) return x end
  for i = 1, 400 do
    if i == 310 then f = nil end
    f(i)
  end
end)
run(function()
  local t = setmetatable({}, {__index = function(_, k) if k > 380 then error("idx " .. k) end return k end})
  local s = 0
  for i = 1, 400 do s = s + t[i] end
end)
run(function()
  local s = 0
  for i = 1, 400 do s = s + #(i < 305 and "ab" or i) end
end)
run(function()
  local s = 0
  for i = 1, 400 do
    local v = i < 330 and "s" or i
    s = s + #v:upper()
  end
end)
run(function()
  local up = 0
  for i = 1, 400 do up = up + (i < 320 and i or nil) end
end)
print("ok")
