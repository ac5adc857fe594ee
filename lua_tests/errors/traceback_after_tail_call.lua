-- A function run by pcall/xpcall (an activation of its own) that tail-calls another: the traceback still reaches
-- the levels below (the protected call and the main chunk), as lua5.4's does.
local function inner() error("boom") end
local function mid() return inner() end
local _, tb = xpcall(mid, debug.traceback)
assert(tb:find("boom", 1, true))
assert(tb:find("in function 'xpcall'", 1, true), tb)
assert(tb:find("in main chunk", 1, true), tb)

local function deep() return debug.traceback("here") end
local function mid2() return deep() end
local ok, tb2 = pcall(mid2)
assert(ok and tb2:find("in function 'pcall'", 1, true) and tb2:find("in main chunk", 1, true), tb2)
print("ok")
