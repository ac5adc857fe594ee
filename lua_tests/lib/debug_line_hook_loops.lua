-- Line hooks inside loops: an event for each new line and for each backward jump, never two for one jump back
-- (prints the line sequences, which must match lua5.4's).
local lines
local function hook() lines[#lines + 1] = debug.getinfo(2, "l").currentline end
local function collect(f)
  lines = {}
  debug.sethook(hook, "l")
  f()
  debug.sethook()
  table.remove(lines)  -- the line of the sethook call that switched it off
  return table.concat(lines, " ")
end

print("while", collect(function()
  local z = 1
  while z < 4 do
    z = z + 1
  end
end))

print("while one line", collect(function()
  local y = 1
  while y < 4 do y = y + 1 end
end))

print("while empty", collect(function()
  local n = 0
  local function step() n = n + 1; return n < 3 end
  while step() do end
end))

print("repeat", collect(function()
  local i = 0
  repeat
    i = i + 1
  until i >= 3
end))

print("numeric for", collect(function()
  local s = 0
  for i = 1, 3 do
    s = s + i
  end
end))
