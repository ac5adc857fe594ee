-- Bad-argument errors from library functions: table.insert, string.rep, setmetatable, ipairs, tostring, select.
local function check(f, expected)
  local ok, m = pcall(f)
  assert(not ok)
  m = m:gsub("^library_bad_arguments%.lua:%d+: ", "")
  print(m)
  assert(m == expected, m)
end

check(function() table.insert(nil, 1) end, "bad argument #1 to 'insert' (table expected, got nil)")
check(function() table.insert({}, 1, 2, 3) end, "wrong number of arguments to 'insert'")
check(function() table.insert({}, 5, "x") end, "bad argument #2 to 'insert' (position out of bounds)")
check(function() table.remove({1, 2}, 7) end, "bad argument #1 to 'remove' (position out of bounds)")  -- sic: 5.4.4 blames #1
check(function() string.rep() end, "bad argument #1 to 'rep' (string expected, got no value)")
check(function() string.rep("x") end, "bad argument #2 to 'rep' (number expected, got no value)")
check(function() string.rep("x", "many") end, "bad argument #2 to 'rep' (number expected, got string)")
check(function() setmetatable(1, {}) end, "bad argument #1 to 'setmetatable' (table expected, got number)")
check(function() setmetatable({}, 1) end, "bad argument #2 to 'setmetatable' (nil or table expected, got number)")
check(function()
  local locked = setmetatable({}, {__metatable = "locked"})
  setmetatable(locked, {})
end, "cannot change a protected metatable")
-- ipairs accepts any value; the failure comes when the iterator indexes it
check(function() for _ in ipairs(nil) do end end, "attempt to index a nil value")
check(function() ipairs() end, "bad argument #1 to 'ipairs' (value expected)")
check(function() tostring() end, "bad argument #1 to 'tostring' (value expected)")
check(function() select(0, "a") end, "bad argument #1 to 'select' (index out of range)")
check(function() select(-3, "a") end, "bad argument #1 to 'select' (index out of range)")
check(function() select("x") end, "bad argument #1 to 'select' (number expected, got string)")
-- pairs(nil) itself succeeds (returns next, nil, nil); 'next' then complains as the for iterator
check(function() for _ in pairs(nil) do end end, "bad argument #1 to 'for iterator' (table expected, got nil)")
check(function() math.floor("a") end, "bad argument #1 to 'floor' (number expected, got string)")
check(function() string.char(256) end, "bad argument #1 to 'char' (value out of range)")
check(function() table.concat({}, {}) end, "bad argument #2 to 'concat' (string expected, got table)")
-- raised inside the C function next: no position prefix
print(pcall(function() return next({}, "nokey") end))

-- valid edge uses that do not error
print(tostring(nil), select(-1, "a", "b"), select("#"), select(2, "a"))
print(string.rep("ab", 0), string.rep("ab", -1) == "", #string.rep("x", 3, ","))
print(ipairs({}) ~= nil, (setmetatable({}, nil)) ~= nil)
