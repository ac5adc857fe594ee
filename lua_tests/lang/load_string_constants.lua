-- load() of a string is not a file: a first line starting with '#' is code, not a comment to skip. Equal string
-- constants of a chunk are one string, however long, in every function of the chunk (PUC's lexer keeps one copy).
print(load("#!/usr/bin/lua\nreturn 1"))
local s1 <const> = "a long string constant, longer than forty bytes for sure"
local s2 = "a long string constant, longer than forty bytes for sure"
local function f() return "a long string constant, longer than forty bytes for sure" end
print(string.format("%p", s1) == string.format("%p", s2), string.format("%p", s2) == string.format("%p", f()))
local s3 = "a long string constant, " .. "longer than forty bytes for sure"
print(s3 == s2, string.format("%p", s3) == string.format("%p", s2))
