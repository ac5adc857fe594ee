-- Built-ins that look at the interpreter's frames (debug.getinfo, debug.traceback, error levels) called from code
-- that runs inside traces: inlined functions, and native recursion below them.

local function caller_line() return debug.getinfo(2, "l").currentline end
local function helper() return caller_line() end  -- line 5
local lines = {}
for i = 1, 300 do lines[helper()] = (lines[helper()] or 0) + 1 end
for line, n in pairs(lines) do print("getinfo line", line, n) end

local function where_am_i(level) return debug.getinfo(level, "nSl") end
local seen = {}
for i = 1, 300 do
  local info = where_am_i(2)  -- line 13
  seen[info.currentline .. " " .. tostring(info.what)] = true
end
for k in pairs(seen) do print("loop frame", k) end

local function check(x) if type(x) ~= "number" then error("not a number: " .. tostring(x), 2) end return x end
local function use(x) return check(x) + 1 end  -- line 19
local total = 0
for i = 1, 300 do total = total + use(i) end
print("total", total, pcall(use, "seven"))

local function short_traceback() return (debug.traceback("here", 1):gsub("\n[^\n]*%[C%][^\n]*", "")) end
local function wrapper() local t = short_traceback(); return t end
local last
for i = 1, 200 do last = wrapper() end
print(last)

local function walk(n) if n == 0 then return debug.getinfo(1, "l").currentline, debug.getinfo(3, "l").currentline end
  local a, b = walk(n - 1)
  return a, b
end
for i = 1, 100 do walk(5) end
print("walk", walk(6))
