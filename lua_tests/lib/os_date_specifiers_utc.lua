-- os.date: every common strftime specifier in UTC for fixed timestamps, and '*t'/'!*t' shapes
local t0 = 1709251199          -- 2024-02-29 23:59:59 UTC (leap day)
local specs = {"a", "A", "b", "B", "d", "e", "H", "I", "j", "m", "M", "p", "S", "u", "w", "y", "Y",
               "C", "g", "G", "h", "n", "t", "U", "V", "W", "D", "F", "R", "T", "%"}
for _, c in ipairs(specs) do
  local v = os.date("!%" .. c, t0)
  io.write(c, "=[", (v:gsub("\n", "\\n"):gsub("\t", "\\t")), "] ")
end
print()

-- one second later is March 1st
print(os.date("!%Y-%m-%d %H:%M:%S %j", t0 + 1))

-- year boundaries and the epoch
print(os.date("!%Y-%m-%d %a %U %W %V %G", 1704067200))   -- 2024-01-01
print(os.date("!%Y-%m-%d %a %U %W %V %G", 1735603200))   -- 2024-12-31
print(os.date("!%y %C %e|", 0))

-- 12-hour clock around midnight and noon
for _, h in ipairs({0, 1, 11, 12, 13, 23}) do io.write(os.date("!%I %p", h * 3600), "; ") end
print()

-- a format with no specifiers and an empty format
print(os.date("!plain text", 0), "[" .. os.date("!", 0) .. "]")

-- '!*t' fields for several dates
for _, ts in ipairs({0, 951782400, 4102444800}) do
  local d = os.date("!*t", ts)
  print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
end

-- round trip: fields from '!*t' rebuilt with os.time give back the same offset difference
local a = os.date("!*t", 1000000)
local b = os.date("!*t", 1086400)
print(os.time(b) - os.time(a))

-- float times with integral values are accepted; non-integral are not
print(os.date("!%H:%M", 3600.0))
print(pcall(os.date, "!%H", 1.5))
print(pcall(os.date, "!%H", "x"))
