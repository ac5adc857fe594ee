-- utf8.offset forward/backward/zero, and utf8.codes iteration with positions and error on bad bytes
local s = "a\u{E9}\u{20AC}\u{1F600}z"    -- characters start at bytes 1,2,4,7,11
for n = 1, 6 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
print(utf8.offset(s, 7))
for n = -1, -6, -1 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
print(utf8.offset(s, -6))

-- n relative to i
print(utf8.offset(s, 2, 4), utf8.offset(s, -1, 7), utf8.offset(s, 1, 11), utf8.offset(s, 2, 11))

-- n = 0 finds the start of the character containing byte i
print(utf8.offset(s, 0, 1), utf8.offset(s, 0, 3), utf8.offset(s, 0, 6), utf8.offset(s, 0, 9), utf8.offset(s, 0, 12))

-- continuation byte as starting point for n ~= 0 is an error
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, s, 1, 100))

-- empty string
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1))

-- codes iteration
for pos, cp in utf8.codes(s) do io.write(pos, ":", cp, " ") end
print()
for pos, cp in utf8.codes("") do error("unreachable") end
print("empty ok")

-- invalid byte raises an error during iteration
local ok, msg = pcall(function()
  local out = {}
  for p, c in utf8.codes("ab\xFFc") do out[#out + 1] = c end
  return out
end)
print(ok, msg)

-- lax codes accepts surrogates
for p, c in utf8.codes("\xED\xA0\x80x", true) do io.write(p, "=", c, " ") end
print()
print(pcall(function() for _ in utf8.codes("\xED\xA0\x80") do end end))

-- reversing a string by characters
local rev = {}
for _, c in utf8.codes(s) do table.insert(rev, 1, utf8.char(c)) end
print(table.concat(rev) == "z\u{1F600}\u{20AC}\u{E9}a")
