-- gsub when the pattern matches nowhere: the subject comes back unchanged, with 0, whatever the replacement;
-- the replacement is still checked, a bad pattern still raises, and numbers are still subjects.
local s = "plain_text_without_specials"
for _, repl in ipairs({ "x", 7, 2.5, {}, function() return "y" end, print }) do
  local r, n = s:gsub('[%c"\\]', repl)
  assert(r == s and n == 0)
end
local r, n = ("abc"):gsub("z", "%1")  -- an invalid capture index is only an error when a match uses it
assert(r == "abc" and n == 0)
local ok, err = pcall(string.gsub, s, "z", true)
assert(not ok and err:find("bad argument #3 to '", 1, true) and err:find("gsub", 1, true), err)
ok, err = pcall(string.gsub, s, "z", nil)
assert(not ok and err:find("bad argument #3", 1, true), err)
ok, err = pcall(string.gsub, s, "[a", "x")
assert(not ok and err:find("malformed pattern", 1, true), err)
ok, err = pcall(string.gsub, s, "%", "x")
assert(not ok and err:find("malformed pattern", 1, true), err)
r, n = string.gsub(12345, "9", "x")
assert(r == "12345" and n == 0)
r, n = string.gsub("hello", "^x", "y")
assert(r == "hello" and n == 0)
r, n = string.gsub("hello", "", "-")
assert(r == "-h-e-l-l-o-" and n == 6)
r, n = string.gsub("hello", "l", "L", 0)
assert(r == "hello" and n == 0)
local t = setmetatable({}, { __index = function(_, k) return k:upper() end })
r, n = string.gsub("hello", "z", t)
assert(r == "hello" and n == 0)
r, n = string.gsub("hello", "l", t)
assert(r == "heLLo" and n == 2)
-- the same calls in a hot loop
local total = 0
for i = 1, 300 do
  local subject = (i % 3 == 0) and ('a"b' .. i) or ("ab" .. i)
  local out, k = subject:gsub('[%c"\\]', function(c) return "\\" .. c end)
  total = total + #out + k
end
assert(total == 1692, total)
print("ok")
