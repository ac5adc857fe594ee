-- string.rep (with separators and edge counts), reverse, upper and lower
print(("ab"):rep(3), ("ab"):rep(3, "-"), ("ab"):rep(1, "-"), ("x"):rep(0, "-") == "")
print(("ab"):rep(-5) == "", (""):rep(100) == "", (""):rep(3, ",") .. "|")
print(string.rep("a", 3, ""), string.rep("=", 4, "\0"):byte(1, -1))
print(#string.rep("abc", 1000), #string.rep("abc", 1000, ", "))
print(string.rep("x", 2.0), pcall(string.rep, "x", 2.5))
print(string.rep(5, 3), string.rep(1.5, 2, 0))
print(pcall(string.rep, "x"))
print(pcall(string.rep, {}, 2))

-- reverse
print(("hello"):reverse(), (""):reverse() == "", ("a"):reverse(), ("ab\0cd"):reverse():byte(1, -1))
print(("racecar"):reverse() == "racecar", string.reverse(123))

-- upper/lower affect only ASCII letters
print(("Hello, World! 123"):upper(), ("Hello, World! 123"):lower())
print(("\0a\0"):upper():byte(1, -1))
print(("already UPPER"):upper(), ("MiXeD"):lower():upper())
local high = "\200\233"
print(high:upper() == high, high:lower() == high)
print(string.upper(12.5), string.lower("TRUE"))

-- method call syntax on string literals and numbers via string functions
print(("x"):rep(3), ("%d"):rep(2):format(1, 2), ("abc"):upper():lower():reverse())
local s = "chain"
print(s:upper():sub(2, 4):rep(2, "+"))

-- len with embedded zeros and multibyte characters
print(#"a\0b\0c", ("a\0b"):len(), string.len(""), string.len("\u{20AC}"))
print(pcall(string.len, nil))

-- large repetitions still have the right length
local big = ("0123456789"):rep(10000)
print(#big, big:sub(-3), big:byte(99991))
