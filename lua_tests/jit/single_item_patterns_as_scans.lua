-- string.find, string.match and string.gsub with a one-item pattern (a character, '.', a %class or a set; anchored
-- or not; with '*', '+' or no quantifier) are scans in a trace; whether the item matched is guarded. They give what
-- the library gives: at the string's ends, for an init from 1 to #s + 1 and outside it, for empty strings, for a
-- pattern that changes between iterations, for items no scan handles ('-', '?') and for a gsub that replaces.
local subjects = { '  {"key": "va\\"lue", "n": -12.5e3}', "", "x", "   ", "abc123def", "\t\n 42 ", "\0\1zz\127" }
local patterns = { "^[ \t\n]*", "^[ \t\n]+", '["\\]', "%d", "%d+", "%a*", "^%a", "^%a+", ".", "^.", "[^%s]+", "%c",
  "z", "^z", "%s-", "%d?", "[%]]", "%%" }
local inits = { 1, 2, 3, 0, -1, -3, 7, 40 }

local parts, sum = {}, 0
for round = 1, 40 do
  for si = 1, #subjects do
    local s = subjects[si]
    for pi = 1, #patterns do
      local p = patterns[pi]
      local a, b = s:find(p)
      local m = s:match(p)
      sum = sum + (a or 0) + (b or 0) + (m and #m or 0)
      for ii = 1, #inits do
        local i = inits[ii]
        local c, d = s:find(p, i)
        local e = s:match(p, i)
        sum = sum + (c or -1) * 3 + (d or -1) + (e and #e * 7 or 5)
        if round == 1 then parts[#parts + 1] = tostring(c) .. "," .. tostring(d) .. "," .. (e and #e or "-") end
      end
      local g, n = s:gsub(p, "<%0>")
      sum = sum + #g + n
    end
    -- constant patterns, as a tokenizer writes them
    local ws = select(2, s:find("^[ \t\n]*", 1)) + 1
    local q = s:find('["\\]', ws)
    local digit = s:sub(ws, ws):match("%d")
    local esc, k = s:gsub('[%c"\\]', "?")
    local esc2, k2 = s:gsub("[%c\"\\]", { ['"'] = "Q" })
    local esc3 = s:gsub("%c+", function(x) return "#" .. #x end)
    sum = sum + ws + (q or 0) + (digit and 100 or 0) + #esc + k + #esc2 + k2 + #esc3
  end
end
local ok, err = pcall(string.gsub, "abc", "%d", true)
assert(not ok and err:find("bad argument #3 to"), err)
for _ = 1, 50 do
  ok, err = pcall(function() return ("abc"):gsub("%d", true) end)
  assert(not ok and err:find("string/function/table expected"), err)
end
local head = table.concat(parts, " ", 1, 12)
assert(sum == 525920 and #parts == 1008, sum .. " " .. #parts)
assert(head == "1,2,2 2,2,1 3,2,0 1,2,2 34,33,0 32,31,0 7,6,0 nil,nil,- 1,2,2 2,2,1 nil,nil,- 1,2,2", head)
print(sum, #parts, head)
