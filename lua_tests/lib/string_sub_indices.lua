-- string.sub with every index form: positive, negative, zero, out of range, reversed, floats
local s = "abcdefgh"
local cases = {
  {1}, {3}, {-3}, {0}, {100}, {-100},
  {2, 4}, {-4, -2}, {2, -2}, {-2, 2}, {0, 0}, {0, 1}, {1, 0},
  {5, 3}, {3, 3}, {-1, -1}, {8, 8}, {9, 9}, {-100, 2}, {2, 100},
  {-100, -50}, {50, 100}, {1, -1}, {-8, 8}, {-9, 1},
}
for _, c in ipairs(cases) do
  local r = s:sub(c[1], c[2])
  print(c[1], c[2], "[" .. r .. "]")
end

-- integer limits
print(s:sub(math.mininteger, math.maxinteger), s:sub(math.maxinteger), "[" .. s:sub(math.mininteger, math.mininteger) .. "]")

-- float indices with integral values
print(s:sub(2.0, 3.0), pcall(string.sub, s, 1.5))

-- numeric strings as indices
print(s:sub("2", "3"))

-- sub on numbers converts them to strings
print(string.sub(12345, 2, 4), string.sub(1.5, -1))

-- embedded zeros
local z = "a\0b\0c"
print(#z:sub(2, 4), z:sub(2, 4):byte(1, -1))

-- sub preserves identity of equal results
print(s:sub(1, 3) == "abc", s:sub(-3) == "fgh")

-- missing start argument
print(pcall(string.sub, s))
print(pcall(string.sub))
