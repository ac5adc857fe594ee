-- load() lexical errors: unfinished strings/long strings/comments, malformed numbers, invalid escapes.
local seen = {}
local function syntax(src)
  local f, err = load(src, "=src")
  if f then err = "unexpectedly compiled" end
  print(err)
  seen[src] = err
  return err
end

syntax("local s = 'abc")
syntax("local s = \"abc\ndef\"")
syntax("x = 'a\\")
syntax("x = 3..4")
syntax("x = 0x")
syntax("x = 1e")
syntax("x = 12abc")
syntax("x = 0x1p")
syntax("x = '\\q'")
syntax("x = '\\xZZ'")
syntax("x = '\\300'")
syntax("x = '\\u{110000000}'")
syntax("x = '\\u{zz}'")
syntax("x = [[abc")
syntax("--[[ unfinished")
syntax("x = [==[ level two ]=]")

-- the line number in the message is where the token was found
syntax("local a = 1\nlocal b = 2\nlocal c = 'oops\nlocal d = 4")
syntax("x = 1\n\n\n y = 2.3.4")

-- a chunk name given without '=' is shown as [string "..."]
local f, err = load("x = 'open", "mychunk")
print(err)
f, err = load("x = 'open")
print(err)

-- valid odd-looking tokens for contrast
print(load("return 0x1p4, 1e2, 3., .5, 0xA.8, '\\65\\066', '\\u{48}\\x69', [==[a]]b]==]")())

-- exact wording checked after everything has been printed
for src, err in pairs(seen) do assert(err ~= "unexpectedly compiled", src) end
assert(seen["local s = 'abc"] == "src:1: unfinished string near <eof>")
assert(seen["local s = \"abc\ndef\""] == "src:1: unfinished string near '\"abc'")
assert(seen["x = 3..4"] == "src:1: malformed number near '3..4'")
assert(seen["x = '\\q'"] == "src:1: invalid escape sequence near ''\\q'")
