-- String literal escapes: \z, \xXX, \u{...}, \ddd decimal, control escapes, and long brackets with levels.
assert("\65\066\0670" == "ABC0", "\\ddd reads at most three decimal digits")
assert("\x41\x62\x7A" == "Abz", "\\x takes exactly two hex digits")
assert("\u{48}\u{49}" == "HI")
assert("\u{E9}" == "\xC3\xA9", "\\u encodes UTF-8")
assert("\u{20AC}" == "\xE2\x82\xAC")
assert("\u{10FFFF}" == "\xF4\x8F\xBF\xBF")
assert("\u{7FFFFFFF}" == "\xFD\xBF\xBF\xBF\xBF\xBF", "5.4 allows up to 2^31 in \\u")
assert("\a\b\f\n\r\t\v" == "\7\8\12\10\13\9\11")
assert("\\" == "\92" and "\"" == '"' and '\'' == "'")
assert("\0" ~= "" and #"\0\0" == 2)

-- \z skips following whitespace including newlines
local z = "abc\z
           def"
assert(z == "abcdef")
local z2 = "x\z   y"
assert(z2 == "xy")

-- a backslash-newline inserts a newline
local nl = "a\
b"
assert(nl == "a\nb")

-- long strings: no escapes processed, first newline dropped
local raw = [[a\nb]]
assert(#raw == 4 and raw:sub(2, 3) == "\\n")
local lvl = [==[contains ]] and ]=] inside]==]
assert(lvl == "contains ]] and ]=] inside")
local first = [[

two newlines, first dropped]]
assert(first:sub(1, 1) == "\n")
local empty = [=[]=]
assert(empty == "")

-- long comments with levels do not end early
--[==[ this comment has ]] inside ]==]
local after_comment = 1
assert(after_comment == 1)

-- invalid escapes are compile errors
local f, err = load([[return "\q"]])
assert(f == nil and string.find(err, "invalid escape sequence", 1, true), err)
f, err = load([[return "\x4"]])
assert(f == nil and string.find(err, "hexadecimal digit expected", 1, true), err)
f, err = load([[return "\256"]])
assert(f == nil and string.find(err, "decimal escape too large", 1, true), err)
f, err = load([[return "\u{110000000}"]])
assert(f == nil and string.find(err, "UTF-8 value too large", 1, true), err)
f, err = load('return "abc')
assert(f == nil and string.find(err, "unfinished string", 1, true), err)

local bytes = {}
for i = 1, #"\x00\x7f\xff\u{80}" do bytes[i] = ("\x00\x7f\xff\u{80}"):byte(i) end
print(table.concat(bytes, " "))
print("\65\066\0670", "\x41\x62", "\u{48}\u{49}", z, z2, raw, lvl, #first, #empty)
