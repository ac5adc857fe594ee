-- Lua pattern semantics that a regex translation can get wrong, run in loops (so traces call the library):
-- empty matches after a match, lazy/greedy, anchors only at the ends, frontiers at the subject's edges, sets with
-- ']' '-' '^' in odd places, classes and %z, bytes >= 128, back-references, position captures, gsub's
-- replacement forms and counts, init arguments, and the errors of malformed patterns.

local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return table.concat(t, ",")
end

local subjects = { "", "a", "aab", "abxd", "hello world", "  trim me  ", "x]y-z^w", "THE (quick) fox",
  "a\0b\0c", "\xff\x80a\x7f", "1,22,,333,", "abba cddc", "key=val;k2=v2" }

local patterns = { "x*", "a*", "a-", "a-b", ".-", "%a*", "[^,]*", "()", "(a*)()", "%f[%w]", "%f[%W]", "%f[%z]",
  "%f[^%z]", "%f[%w]%w+", "[]]", "[^]]", "[a-]", "[-a]", "[%a-z]", "[z-a]", "[%]]", "%z", "[%z]", "[\x80-\xff]+",
  "%c", "%p+", "%g+", "(.)%1", "(%a)(%a)%2%1", "()%1", "^a", "a$", "^$", "$", "^", "a$b", "%$", "^(.-)%s*$",
  "(%w+)=(%w+)", "%d+", "%s*", "%S+", "[%s,]", "b?", ".?", "[ab]+" }

local lines = {}
for _, p in ipairs(patterns) do
  local out = {}
  for _, s in ipairs(subjects) do
    -- gmatch: every capture tuple
    local g = {}
    for a, b in s:gmatch(p) do g[#g + 1] = show(a, b) end
    -- gsub with a string, a function that keeps some matches, and a table
    local r1, n1 = s:gsub(p, "<%0>")
    local r2, n2 = s:gsub(p, function(c) if c == "" or c == 1 then return nil end return "{" .. tostring(c) .. "}" end)
    local r3, n3 = s:gsub(p, { a = "A", b = false, [1] = "one" })
    local r4, n4 = s:gsub(p, "#", 2)
    out[#out + 1] = table.concat({ show(s:find(p)), show(s:find(p, 2)), show(s:find(p, -1)), show(s:match(p)),
      show(s:match(p, #s + 1)), table.concat(g, ";"), r1, n1, r2, n2, r3, n3, r4, n4 }, " ")
  end
  lines[#lines + 1] = p .. " => " .. table.concat(out, " | ")
end
for _, l in ipairs(lines) do print((l:gsub("[%z\x80-\xff]", function(c) return ("\\%d"):format(c:byte()) end))) end

-- empty matches right after a match are skipped by gsub and gmatch (not by Python's re.sub)
assert(("abxd"):gsub("x*", "-") == "-a-b-d-")
local runs = {}
for m in ("aab"):gmatch("a*") do runs[#runs + 1] = "<" .. m .. ">" end
assert(table.concat(runs) == "<aa><>")

-- lazy and greedy
assert(("<a><b>"):match("<(.-)>") == "a")
assert(("<a><b>"):match("<(.*)>") == "a><b")
assert(("aaa"):match("^(a-)(a*)$") == "")

-- '^' and '$' are literals away from the ends, and '^' is literal in gmatch
assert(("a^b$c"):find("^b$", 1, true) == 2 and ("a^b$c"):find("^b$") == nil)
assert(("a^b$c"):find("%^b%$") == 2)
assert(("a^b$c"):find("a^b") == 1)
local n = 0
for _ in ("^a^a"):gmatch("^a") do n = n + 1 end
assert(n == 2)

-- frontiers see '\0' before and after the subject
assert(("abc"):find("%f[%z]") == 4)
assert(("abc"):find("%f[%a]") == 1)
assert(("\0abc"):find("%f[%a]") == 2)
assert(("abc"):find("%f[^%z]") == 1)
assert(select(2, ("THE (quick) fox"):gsub("%f[%a]%a+%f[%A]", "W")) == 3)

-- position captures and back-references
assert(select("#", ("hello"):find("()ll()")) == 4)
assert(("hello"):match("()ll()") == 3)
assert(("abcabc"):match("(abc)%1") == "abc")
assert(("xx"):match("()%1") == nil)
assert(("hello world"):gsub("(o)", "[%1%1]") == "hell[oo] w[oo]rld")
assert(("abc"):gsub("", "-") == "-a-b-c-")
assert(("abc"):gsub("%w", "%0%0") == "aabbcc")
assert(("abc"):gsub("%w", "%1") == "abc")
assert(("x = 1"):gsub("()=()", "%2%1") == "x 43 1")
assert(("abc"):gsub("b", "%%") == "a%c")

-- bytes >= 128 and embedded zeros
assert(("\xff\xfe"):find("[\xfe]") == 2)
assert(("a\0b"):find("%z") == 2)
assert(("a\0b"):find("\0", 1, true) == 2)
assert(#("caf\xc3\xa9"):gsub("[\x80-\xff]", "?") == 5)

-- max replacements and init arguments
assert(select(2, ("aaaa"):gsub("a", "b", 2)) == 2)
assert(("aaaa"):gsub("a", "b", 0) == "aaaa")
assert(("aaaa"):gsub("a", "b", -3) == "aaaa")
assert(("abc"):find("c", -1) == 3)
assert(("abc"):find("", 10) == nil)
assert(("abc"):find("", 4) == 4)
assert(("abc"):match(".", -10) == "a")
local cnt = 0
for _ in ("abc"):gmatch("", 4) do cnt = cnt + 1 end
for _ in ("abc"):gmatch("", 5) do cnt = cnt + 10 end
assert(cnt == 1)

-- errors raised by malformed patterns and replacements (only when the matcher reaches them)
local function err(f, ...)
  local ok, e = pcall(f, ...)
  assert(not ok)
  return (e:gsub("^.-:%d+: ", ""))
end
for _, case in ipairs({ { "abc", "%" }, { "abc", "[a" }, { "abc", "(a)%2" }, { "abc", ".)" }, { "abc", "(a" },
  { "abc", "%b" }, { "abc", ".%f" }, { "abc", "%fa" }, { "abc", "%0" }, { ("a"):rep(300), ("a?"):rep(200) },
  { "abc", ("()"):rep(33) } }) do
  print(case[2]:sub(1, 12), err(string.find, case[1], case[2]))
end
print(pcall(string.match, "xyz", "(a"))
print(err(string.gsub, "abc", "b", "%2"), err(string.gsub, "abc", "b", "%"), err(string.gsub, "abc", "b", "%x"))
print(string.gsub("abc", "x", "%2"))
print(err(string.gsub, "abc", "b", function() return {} end))
print(string.gsub("abc", "%b()", "x"), string.gsub("f(a(b)c) g()", "%b()", "[]"))
print("ok")
