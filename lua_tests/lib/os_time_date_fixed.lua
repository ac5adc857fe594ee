-- os.time with table arguments and os.date with fixed times in UTC ('!' formats and '!*t')
print(os.date("!%Y-%m-%d %H:%M:%S", 0))
print(os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365))
print(os.date("!%Y-%m-%d %H:%M:%S", 1700000000))
print(os.date("!%Y-%m-%d %H:%M:%S", -86400))
print(os.date("!%A %a %B %b %d %j %p %y", 1700000000))
print(os.date("!%H:%M:%S %I %w %%", 1234567890))
print(os.date("!%c", 0))
print(os.date("!%x %X", 0))
print(os.date("!%D %T %F %R", 951782400))

-- '!*t' returns a table of fields
local t = os.date("!*t", 1700000000)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))

-- leap day handling
local leap = os.date("!*t", 951782400 + 86400)
print(leap.year, leap.month, leap.day, leap.yday)

-- os.time normalises out-of-range fields; the difference of two times is stable
local base = os.time({year = 2020, month = 1, day = 1, hour = 12})
local later = os.time({year = 2020, month = 1, day = 32, hour = 12})
print(later - base, os.difftime(later, base), math.type(os.difftime(later, base)))
local feb = os.time({year = 2021, month = 2, day = 29, hour = 0})
local mar1 = os.time({year = 2021, month = 3, day = 1, hour = 0})
print(feb == mar1)
local d13 = os.time({year = 2019, month = 13, day = 1, hour = 0})
local jan20 = os.time({year = 2020, month = 1, day = 1, hour = 0})
print(d13 == jan20)

-- os.time result is an integer; hour defaults to 12
print(math.type(base), os.time({year = 2020, month = 1, day = 1}) == base)

-- missing required fields raise errors
print(pcall(os.time, {year = 2020, month = 1}))
print(pcall(os.time, {year = 2020, day = 1}))
print(pcall(os.time, {year = "x", month = 1, day = 1}))

-- invalid conversion specifiers
print(pcall(os.date, "%Ez", 0))
print(pcall(os.date, "!%Q", 0))

-- difftime needs both arguments in 5.4
print(os.difftime(10, 4), pcall(os.difftime, 5))
print(type(os.clock()), math.type(os.clock()), math.type(os.time()))
