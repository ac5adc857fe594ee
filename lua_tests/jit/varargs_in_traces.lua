-- Vararg functions inlined into hot loops, loops inside vararg functions, and tail calls of built-ins whose
-- number of results changes: every value must survive a deopt in the middle (the frame rebuilt with its varargs).
local function count(...) return select('#', ...) end
local function second(...) local _, b = ... ; return b end
local function pack_len(...) local t = {...}; return #t end
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + (select(i, ...)) end
  return s
end
local function forward(f, ...) return f(...) end

local total = 0
for i = 1, 400 do
  total = total + count(i, nil, i) + count() + second(i, i * 2) + pack_len(i, i, i)
  total = total + forward(sum, i, 1) + forward(count, 1, 2, 3, 4)
end
print("inlined", total)

-- a deopt inside an inlined vararg function: the type of a vararg changes late, after which ... is used again
local function describe(tag, ...)
  local n = select('#', ...)
  local first = ...
  local kind = first + 0            -- guarded as a number
  local rest = {select(2, ...)}
  return tag .. ":" .. n .. ":" .. kind .. ":" .. #rest
end
local out = {}
for i = 1, 300 do
  local v = i < 250 and i or (i + 0.5)  -- int, then float: the guard on `first` fails
  out[#out + 1] = describe("d", v, "x", i % 7 == 0 and "y" or nil)
end
print("deopt", out[1], out[249], out[250], out[300], #out)

-- a loop inside a vararg function reads its own varargs
local function scale_all(factor, ...)
  local acc = 0
  for _ = 1, 200 do
    local a, b, c = ...
    acc = acc + (a or 0) * factor + (b or 0) + (c or 0) + select('#', ...)
  end
  return acc
end
print("root", scale_all(2, 1, 2, 3), scale_all(3), scale_all(1, 5), scale_all(1, 1, 2, 3, 4))

-- `return builtin(...)` from an inlined function, with a result count that changes
local function unpack_some(t, n) return table.unpack(t, 1, n) end
local function call_all(...) return ... end
local r = 0
for i = 1, 400 do
  local n = i % 5
  local a, b, c, d = unpack_some({10, 20, 30, 40}, n)
  r = r + (a or 0) + (b or 0) + (c or 0) + (d or 0) + count(unpack_some({1, 2, 3, 4}, n))
  r = r + count(call_all(i, nil, nil))
  local t = {unpack_some({7, 8, 9}, i % 4)}
  r = r + #t
end
print("tail", r)

-- string.format through a vararg wrapper, as in printf-style helpers
local function printf(fmt, ...) return string.format(fmt, ...) end
local lines = {}
for i = 1, 250 do lines[#lines + 1] = printf("%3d %s %5.2f", i, i % 2 == 0 and "even" or "odd", i / 7) end
print("format", lines[1], lines[250], #table.concat(lines, "\n"))
