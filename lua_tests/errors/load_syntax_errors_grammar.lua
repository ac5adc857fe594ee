-- load() grammar errors: unexpected symbol, 'end' expected (to close ... at line N), break/goto/const/attribs.
local seen = {}
local function syntax(src)
  local f, err = load(src, "=g")
  if f then err = "unexpectedly compiled" end
  print(err)
  seen[#seen + 1] = err
end

syntax("x = = 1")
syntax("x = }")
syntax("if x then y = 1")
syntax("if x then\n  y = 1\n\nz = 2")
syntax("while true do\n  local a = 1\n")
syntax("function f()\n  if a then\n    return 1\n  end\n")
syntax("repeat x = 1")
syntax("local t = {1, 2")
syntax("for i = 1 do end")
syntax("local function() end")
syntax("a.b:c = 1")
syntax("local a, b = 1 2")
syntax("x = 1 +")
syntax("f(")
syntax("function f(a, 1) end")
syntax("function f() return return end")
-- break and goto
syntax("break")
syntax("if x then break end")
syntax("goto nowhere")
syntax("for i = 1, 2 do end goto x")
syntax("::a:: ::a::")
syntax("do local v = 1 goto skip local w = 2 ::skip:: print(w) end")
-- const and close attributes
syntax("local c <const> = 1; c = 2")
syntax("local x <const> = 5; local function g() x = 1 end")
syntax("local d <foo> = 1")
syntax("local a <close>, b <close> = 1, 2")
-- varargs outside a vararg function
syntax("function f() x = ... end")

-- for contrast, these compile
print(load("do goto l1 end ::l1::") ~= nil, load("x = ...") ~= nil, load("local c <const> = 1; return c") ~= nil)

local count = 0
for _, e in ipairs(seen) do if e ~= "unexpectedly compiled" then count = count + 1 end end
print("rejected", count, "of", #seen)
assert(seen[1] == "g:1: unexpected symbol near '='")
assert(seen[4] == "g:4: 'end' expected (to close 'if' at line 1) near <eof>")
assert(seen[17] == "g:1: break outside loop at line 1")
assert(seen[23] == "g:1: attempt to assign to const variable 'c'")
assert(count == #seen)
