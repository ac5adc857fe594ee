-- The utf8 library: char, codepoint, len (strict and lax), offset, codes, charpattern.
print(utf8.char(72, 228, 8364, 128512), #utf8.char(0x7FFFFFFF))
local s = "häll€ 😀"
print(utf8.len(s), utf8.codepoint(s, 1, -1))
for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end print()
print(utf8.offset(s, 3), utf8.offset(s, -1), utf8.offset(s, 0, 3), utf8.offset(s, 10))
print(utf8.len("\xff"), utf8.len(s, 3), pcall(utf8.codepoint, "\xff"))
print(utf8.charpattern, pcall(utf8.char, -1))
for w in string.gmatch(s, utf8.charpattern) do io.write("[", w, "]") end print()
print(utf8.len("\u{D800}", 1, -1, true), utf8.len("\u{D800}"), utf8.codepoint("\u{7FFFFFFF}", 1, 1, true))
print(pcall(utf8.offset, s, 1, 3), pcall(utf8.len, s, 20))
