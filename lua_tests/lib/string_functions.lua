-- The string library: basic functions, patterns, gsub forms, format and the string metatable (output compared with lua5.4).
print(("hello"):upper(), #"abc", ("x"):rep(3, ","), ("abc"):sub(2), ("abc"):sub(-2, -1), ("abc"):byte(1, -1))
print(string.char(72, 105), string.find("hello world", "o w"), string.find("hello", "l+"), string.match("key=val", "(%w+)=(%w+)"))
print(string.gsub("hello world", "o", "0"), string.gsub("abc", "%w", "%0%0"), string.gsub("abc", "", "-"))
print(string.gsub("hello world", "(%w+)", function(w) return w:upper() end))
print(string.gsub("$name is $age", "%$(%w+)", {name = "bob", age = 42}))
for k, v in string.gmatch("a=1, b=2", "(%w+)=(%w+)") do print(k, v) end
print(string.format("%5d|%-5d|%05.1f|%x|%X|%o|%e|%g|%s|%q", 42, 42, 3.14159, 255, 255, 8, 12345.678, 0.0001, "str", 'a "quoted"\n\0end'))
print(string.format("%a %a %a %.3a", 1.0, 0.5, 3.75, 1/3), string.format("%q", 1/3), string.format("%10.3s|", "abcdef"))
print("10" + 1, "3" * "4", "2" ^ 2, -"3", "0x10" + 0, 10 .. "")
print(pcall(string.rep), pcall(string.format, "%d", 1.5))
print(string.format("%c%c", 65, 66), ("%d items"):format(3), string.format("%i", 3.0), tostring(1e300 * 1e10))
print(("test"):find("t", 2), ("test"):find("x"), ("a.b"):find(".", 1, true), ("a+b"):gsub("%+", "-"))
print(string.format("%-10s|", "hi"), string.format("[%5s]", "ab"), string.format("%.0f", 0.5), string.format("%.2f", 2.675))
