-- string.format %s (width, precision, __tostring, non-strings) and %q for strings, integers and floats
print(string.format("[%s] [%10s] [%-10s] [%.2s] [%5.1s]", "abc", "abc", "abc", "abc", "abc"))
print(string.format("%s %s %s %s", 1, 1.5, true, nil))
local obj = setmetatable({}, {__tostring = function() return "OBJ" end})
print(string.format("%s|%6s|%-6s|", obj, obj, obj))

-- %s with embedded zeros keeps them (no width given)
print(#string.format("%s", "a\0b"))

-- %q strings: quotes, backslashes, newlines, control and high bytes
print(string.format("%q", 'he said "hi"\\'))
print(string.format("%q", "line1\nline2"))
print(string.format("%q", "tab\there\r\0end"))
print((string.format("%q", "\1\0012\127\200"):gsub("[\128-\255]", "<high>")))
print(string.format("%q", ""))

-- %q result can be loaded back
local original = "mix\0of\n\"all\"\\ \255 bytes"
local back = load("return " .. string.format("%q", original))()
print(back == original)

-- %q integers and floats
print(string.format("%q", 42), string.format("%q", -7), string.format("%q", math.mininteger))
print(string.format("%q", 1.5), string.format("%q", 0.1), string.format("%q", 1e100))
print(string.format("%q", math.huge), string.format("%q", -math.huge), string.format("%q", 2^53))
local nanq = string.format("%q", 0/0)
print(nanq)

-- %q for other types
print(string.format("%q %q %q", true, false, nil))
print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%q", print))

-- %q accepts no modifiers
print(pcall(string.format, "%10q", "x"))

-- round-trip numbers through %q
for _, v in ipairs({0.1, -2.5, 123456789012, 1/3}) do
  local r = load("return " .. string.format("%q", v))()
  io.write(tostring(r == v), " ", math.type(r), "; ")
end
print()
