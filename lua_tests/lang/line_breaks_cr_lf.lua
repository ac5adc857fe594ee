-- Line breaks as PUC counts them: \n, \r, \r\n and \n\r are one line each (\n\r\n is two), and inside a long
-- string or after a backslash each one reads as "\n".
local f = load("local a = 1\rlocal b = 2\r\nlocal c = 3\n\rlocal d = 4\n\r\nreturn debug.getinfo(1, 'l').currentline")
print(f())
print(select(2, load("x = 1\r\ry = = 2", "=cr")))
print(select(2, load("x = 1\r\n\r\ny = = 2", "=crlf")))
print(select(2, load("x = 1\n\r\n\ry = = 2", "=lfcr")))
print(select(2, load("x = [[\r\n\r\n]] y = = 2", "=long")))
local s = load("return [[\r\na\r\nb\n\rc\rd]]")()
print(#s, s == "a\nb\nc\nd")
print(load("return 'a\\\r\nb\\\rc\\\n\rd'")() == "a\nb\nc\nd")
print(load("return --[[\r\r\r]] debug.getinfo(1, 'l').currentline")())
