-- An error in an escape sequence shows the string as llex.c has read it so far: its escapes already decoded, then
-- the bad escape up to the offending character (and cut at a NUL byte, as C prints it). Lines count the line
-- breaks the string has escaped or skipped with \z.
local function check(src)
  print(select(2, load("return " .. src, "=s")))
end
check([['\65\q']])
check([['ab\x4g']])
check([["\u{41}\u{zz}"]])
check([["\u{41}\u41"]])
check([["\u{41}\u{41"]])
check([["\u{41}\u{80000000}"]])
check([['\x41\300x']])
check([['\0\q']])
check("'a\\\nb\\z\n\n   c\\q'")
check("'a\\\nb\\z\n\n   c\nd'")
check([['\x41]])
check([['\u{41}]])
check("'abc\\")
print("\65\066\x43\u{44}\z
       \u{7FF}\u{FFFF}\u{10FFFF}\u{7FFFFFFF}" == "ABCD\xDF\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF\xFD\xBF\xBF\xBF\xBF\xBF")
