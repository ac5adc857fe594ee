-- Stack overflow: the message names the recursive call's line, debug.traceback cuts a deep stack to its first 10
-- and last 11 levels with a "(skipping N levels)" line, and a recursion that passes on ever more varargs overflows
-- (by the stack space its arguments take) instead of exhausting memory.
local function recurse()
  recurse()
end

local ok, tb = xpcall(recurse, debug.traceback)
assert(not ok)
local first = tb:match("[^\n]+")
assert(first:match(":5: stack overflow$"), first)

local lines = {}
for line in (tb .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
assert(#lines == 1 + 1 + 10 + 1 + 11, #lines)
assert(lines[2] == "stack traceback:")
assert(lines[13]:match("^\t%.%.%.\t%(skipping %d+ levels%)$"), lines[13])
for i = 3, 12 do assert(lines[i]:match(":5: in upvalue 'recurse'$"), lines[i]) end
assert(lines[#lines] == "\t[C]: in ?")

-- a short stack is shown whole
local function shallow(n) if n == 0 then return debug.traceback("here") end return shallow(n - 1), 0 end
local short = shallow(5)
assert(not short:find("skipping", 1, true))

local depth = 0
local function grow(...)
  depth = depth + 1
  grow(1, ...)
end
local ok2, msg = pcall(grow)
assert(not ok2 and msg:match("stack overflow"), msg)
assert(depth > 100, depth)

print("ok", #lines)
