-- utf8.codepoint ranges and negatives, utf8.len with ranges, invalid bytes (nil + position) and lax mode
local s = "h\u{E9}\u{20AC}\u{1F600}!"   -- byte lengths 1,2,3,4,1
print(#s, utf8.len(s))
print(utf8.codepoint(s))
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 2))
print(utf8.codepoint(s, 4, 7))
print(utf8.codepoint(s, -1))
print(select('#', utf8.codepoint(s, 3, 2)))

-- a position in the middle of a character is an error
print(pcall(utf8.codepoint, s, 3))
print(pcall(utf8.codepoint, s, 1, 100))
print(pcall(utf8.codepoint, s, 0))

-- len with i and j
print(utf8.len(s, 2), utf8.len(s, 4, 7), utf8.len(s, -1), utf8.len(s, #s + 1), utf8.len(""))
print(utf8.len(s, 3))
print(pcall(utf8.len, s, #s + 2))

-- invalid sequences: nil plus the position of the first bad byte
print(utf8.len("abc\xFFdef"))
print(utf8.len("\x80"))
print(utf8.len("ok\xC3"))
print(utf8.len("\xC0\x80"))          -- overlong encoding of NUL
print(utf8.len("\xE0\x80\x80"))      -- overlong 3-byte
print(utf8.len("\xED\xA0\x80"))      -- surrogate D800
print(utf8.len("\xF4\x90\x80\x80"))  -- above 10FFFF
print(pcall(utf8.codepoint, "\xFF"))

-- lax mode accepts surrogates and large code points
print(utf8.len("\xED\xA0\x80", 1, -1, true))
print(utf8.len("\xF4\x90\x80\x80", 1, -1, true))
print(utf8.codepoint("\xED\xA0\x80", 1, 1, true))
print(utf8.codepoint(utf8.char(0x7FFFFFFF), 1, 1, true))
print(pcall(utf8.codepoint, utf8.char(0x7FFFFFFF)))

-- embedded zero is a valid character
print(utf8.len("a\0b"), utf8.codepoint("a\0b", 1, -1))
