-- string.find and string.match for one result, on strings and an integer start, are one helper call in traces
-- (the library's search without its argument checks): patterns that change at one call site, anchors, captures
-- (match gives the first), position captures, frontier patterns, starts that are negative, zero or past the
-- end, numbers as subjects (coerced), and malformed patterns (the error and its position) behave as in lua5.4.
local text = 'key = "value", other="x\\"y", n = 42; tail'
local patterns = { '"', '["\\]', "%d+", "^key", "(%a+)%s*=", "()=", "%f[%w]%w+", "=%s*(%b\"\")", "zzz" }

local found, matched = {}, {}
for round = 1, 300 do
  local k = round % #patterns + 1
  local pat = patterns[k]
  local init = round % 7 - 3              -- -3 .. 3: negative, zero and positive starts
  local pos = string.find(text, pat, init)
  local cap = text:match(pat, init)
  found[k] = tostring(pos)
  matched[k] = tostring(cap)
end
print("find", table.concat(found, " "))
print("match", table.concat(matched, " "))

-- a scanner loop: find the next quote or backslash from a moving position
local function count_specials(s)
  local n, i = 0, 1
  while true do
    local j = s:find('["\\]', i)
    if not j then return n end
    n = n + 1
    i = j + 1
  end
end
local specials = 0
for _ = 1, 200 do specials = specials + count_specials(text) end
print("specials", specials)

-- starts past the end, the empty pattern, and a number as the subject
local edge = {}
for round = 1, 200 do
  local e1 = string.find("abc", "", 4)
  local e2 = string.find("abc", "", 5)
  local e3 = string.find(12345, "3")
  local e4 = string.match("abc", "()", 2)
  edge[1 + round % 2] = table.concat({ tostring(e1), tostring(e2), tostring(e3), tostring(e4) }, ",")
end
print("edge", edge[1], edge[2])

-- a malformed pattern, after the call site has run natively
local ok, err = pcall(function()
  local hits = 0
  for i = 1, 300 do
    local pat = i < 300 and "a" or "%"
    if string.find("banana", pat, 1) then hits = hits + 1 end
  end
  return hits
end)
print("malformed", ok, err)
ok, err = pcall(function()
  for i = 1, 300 do
    local m = string.match("x=1", i < 300 and "(%w)=" or "(%w")
  end
end)
print("unfinished capture", ok, err)
