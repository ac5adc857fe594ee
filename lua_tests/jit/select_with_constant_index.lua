-- select with a constant index (or '#') in traces: the values a recording fixed the number of are picked, or
-- counted, with no call; a variable or out-of-range index goes to the built-in, which raises its errors.
local function f(...) return select("#", ...), select(2, ...), select(-1, ...) end
local acc = {}
for i = 1, 500 do
  local n, b, last = f(i, i * 2, nil, "x")
  local s = "abc def"
  local e = select(2, s:find("^%a*", 1))
  local c1 = select("#", s:find("(%a)(%a)"))
  local t = { select(3, 1, 2, 3, 4, 5) }
  local u = { select(-2, "p", "q", "r") }
  local v = { select(9, 1, 2) }
  acc[#acc + 1] = table.concat({ n, b, tostring(last), e, c1, #t, t[1], #u, u[1], #v }, ",")
end
print(acc[1], acc[500], #acc)
print(pcall(select, 0, 1, 2))
print(pcall(select, -5, 1, 2))
for i = 1, 300 do
  local ok, err = pcall(select, -3, 1, 2)
  if i == 300 then print(ok, err) end
end
