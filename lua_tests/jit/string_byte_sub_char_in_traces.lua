-- string.byte / sub / char / len and s:method() calls in hot loops, through every index rule lstrlib has
-- (positive, negative, zero, past either end, empty results), and after the program replaces a string function.
local s = "Hello, W\xe9rld! \0\255end"
local n = #s
local acc = {}
local function add(v) acc[#acc + 1] = tostring(v) end

local bsum = 0
for i = -n - 3, n + 3 do
  local b = s:byte(i)
  bsum = bsum + (b or -1)
  local c = string.byte(s, i)
  if c ~= b then error("byte mismatch") end
end
add(bsum)

local subs = {}
for i = -n - 2, n + 2, 3 do
  for j = -n - 2, n + 2, 4 do
    subs[#subs + 1] = s:sub(i, j)
  end
  subs[#subs + 1] = s:sub(i)
  subs[#subs + 1] = string.sub(s, i, -1)
end
add(#subs)
add(table.concat(subs, "|"):len())
local h = 0
local all = table.concat(subs, "|")
for i = 1, #all do h = (h * 31 + all:byte(i)) % 1000003 end
add(h)

local chars = {}
for b = 0, 255 do chars[#chars + 1] = string.char(b) end
local joined = table.concat(chars)
add(#joined)
add(joined:byte(1) + joined:byte(-1) + joined:byte(129))
local ok, err = pcall(function()
  local t = {}
  for b = 200, 300 do t[#t + 1] = string.char(b) end
end)
add(ok)
add(err:match("value out of range") ~= nil)

-- lengths through string.len, # and :len()
local lens = 0
for i = 1, 300 do
  local piece = s:sub(1, i % (n + 1))
  lens = lens + #piece + piece:len() + string.len(piece)
end
add(lens)

-- the program replaces string.byte halfway: the trace must call the new one
local calls = 0
local orig = string.byte
local total = 0
for i = 1, 300 do
  if i == 150 then
    string.byte = function(str, k) calls = calls + 1; return orig(str, k) + 1000 end
  end
  total = total + s:byte(1 + i % n)
end
string.byte = orig
add(total)
add(calls)

-- and the strings' metatable gets another __index table
local mt = getmetatable("")
local saved = mt.__index
local other = setmetatable({sub = function(str, a, b) return "[" .. saved.sub(str, a, b) .. "]" end}, {__index = saved})
local r = {}
for i = 1, 200 do
  if i == 120 then mt.__index = other end
  r[#r + 1] = s:sub(1, 2)
end
mt.__index = saved
add(r[119] .. r[120] .. r[200])
print(table.concat(acc, " "))
