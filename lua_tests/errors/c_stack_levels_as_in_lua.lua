-- C levels (nested calls made from built-ins and metamethods, pcall levels, coroutine resumes) count as in
-- PUC Lua 5.4's lua.c: the call that reaches 200 fails with "C stack overflow", worded with the position of the
-- running Lua function when there is one; a message handler may still run a little deeper.

-- metamethods that recurse: the error has the position of the metamethod calling itself
local mt = { __lt = function(a, b) return a < b end }
local ok, e = pcall(function() return setmetatable({}, mt) < 1 end)
assert(not ok and e:match("^.-c_stack_levels_as_in_lua%.lua:6: C stack overflow$"), e)
local t = setmetatable({}, { __index = function(tt, k) return tt[k] end })
ok, e = pcall(function() return t.x end)
assert(not ok and e:match(":9: C stack overflow$"), e)

-- pcall recursion: every level that succeeds adds a true; the innermost fails (no position: pcall is C)
local function f() return pcall(f) end
assert(select("#", f()) == 199)
assert(select(-1, f()) == "C stack overflow")

-- inside a coroutine the levels go on from the resumer's
local co = coroutine.wrap(function() return select("#", f()) end)
assert(co() == 198)

-- xpcall: the handler runs where the error was raised, one level deeper, and succeeds
local function g(n) return xpcall(g, function(m) return m end, n + 1) end
assert(select("#", g(1)) == 199 and select(-1, g(1)) == "C stack overflow")

-- a built-in called through pcall is a level too
local r = table.pack(pcall(string.gsub, "a", "a", function() return select("#", f()) .. "" end))
assert(r[1] == true and r[2] == "197" and r[3] == 1, tostring(r[2]))

-- the same recursion in a hot loop (the JIT inlines pcall): the same counts each time
for _ = 1, 40 do
  assert(select("#", f()) == 199)
end
print("ok")
