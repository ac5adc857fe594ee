-- What lparser.c checks about locals as it reads them: assignments to <const> and <close> variables (also from
-- nested functions, and by 'function name()'), at most 200 locals at a time in a function, 255 upvalues, and '...'
-- only in a vararg function. A compile-time constant _ENV fails only when it is indexed, at run time.
local function check(src)
  print(select(2, load(src, "=c")) or "compiles")
end
check("local x <const> = 1\nlocal function f()\n  local function g() x = 2 end\nend")
check("local x <const> = 1\nfunction x()\nend\n\n")
check("local t <close> = nil\nlocal a\na, t = 1, 2")
check("local x <const> = 1\nx\n= 2")
check("local x <const> = 1 do local x = 2; x = 3 end")
local locals = {}
for i = 1, 201 do locals[i] = "local a" .. i end
check(table.concat(locals, "\n"))
check("local " .. table.concat(locals, ","):gsub("local ", "") .. " = 1")
-- upvalues: at most 255 in a function (the main function's _ENV is one)
local outer, inner, uses = {}, {}, {}
for i = 1, 150 do outer[i] = "local u" .. i .. " = " .. i end
for i = 151, 256 do inner[#inner + 1] = "local u" .. i .. " = " .. i end
for i = 1, 256 do uses[i] = "u" .. i end
local function upvalues(n)
  return table.concat(outer, "\n") .. "\nreturn (function()\n" .. table.concat(inner, "\n") ..
         "\nreturn function() return " .. table.concat(uses, " + ", 1, n) .. " end end)()"
end
check(upvalues(256))
print(load(upvalues(255), "=c")()())
check("function f(a, b)\n  return ...\nend")
check("return function(...) return function() return ... end end")
local ok, msg = pcall(load("local _ENV <const> = 11\nX = 'hi'"))
print(ok, msg:find("index a number value", 1, true) ~= nil)
ok, msg = pcall(load("local _ENV <const> = {}\nreturn X"))
print(ok, msg)
