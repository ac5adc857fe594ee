-- Gotos, labels and breaks are checked as lparser.c checks them: a label just before 'until' is still in the scope
-- of the loop body's locals (the condition sees them), and an error about a goto or a break is reported on the
-- line where PUC finds it out: the end of the function or block, or the label a goto jumps to.
local function check(src)
  local f, err = load(src, "=g")
  print(f and "compiles" or err)
end
check("repeat\n  if x then goto cont end\n  local xuxu = 10\n  ::cont::\nuntil xuxu < x")
check("repeat goto continue; local y; ::continue:: until true")
check("while true do goto continue; local y; ::continue:: end")
check("x = 1\nbreak\n\n\nx = 1")
check("function f()\n  break\nend\n\n-- more\nx = 1")
check("function f()\n  goto done\nend\n\n::done::")
check("do local a; goto l1; end\nlocal b\n\n::l1:: print(3)")
check("::a:: ;; ::b::\n::a::")
check("::a::\ndo\n  ::a::\nend")
check("for i = 1, 3 do if i == 2 then goto next end local z = i ::next:: end")
check("goto forward; local q; ::forward:: q = 1")

-- and what they do
local out = {}
for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  out[#out + 1] = i
  ::continue::
end
local n = 0
::again::
n = n + 1
if n < 3 then goto again end
repeat
  local k = n
  n = n + 1
  if k < 5 then goto skip end
  out[#out + 1] = "k" .. k
  ::skip::
until n > 6
print(table.concat(out, " "), n)
