-- For-loop errors: non-number initial/limit/step ("bad 'for' ...") and zero step, with PUC 5.4.4's exact wording.
local function check(f, expected)
  local ok, m = pcall(f)
  assert(not ok)
  m = m:gsub("^for_loop_errors%.lua:%d+: ", "")
  print(m)
  assert(m == expected, m)
end

check(function() for i = "a", 10 do end end, "bad 'for' initial value (number expected, got string)")
check(function() for i = nil, 10 do end end, "bad 'for' initial value (number expected, got nil)")
check(function() for i = 1, {} do end end, "bad 'for' limit (number expected, got table)")
check(function() local lim; for i = 1, lim do end end, "bad 'for' limit (number expected, got nil)")
check(function() for i = 1, 10, "x" do end end, "bad 'for' step (number expected, got string)")
check(function() for i = 1, 10, 0 do end end, "'for' step is zero")
check(function() local s = 0 for i = 1.0, 2.0, s do end end, "'for' step is zero")
-- numeric strings are converted (to floats) rather than rejected
local conv = {}
for i = "1", 2 do conv[#conv + 1] = math.type(i) .. ":" .. i end
print(table.concat(conv, " "))

-- loops that simply do not run are not errors
local count = 0
for i = 10, 1 do count = count + 1 end
for i = 1, 0, 1 do count = count + 1 end
for i = 1.0, 0.5 do count = count + 1 end
print("empty loops ran", count)
assert(count == 0)

-- float loops and integer limits that are floats
local seen = {}
for i = 1, 2.5 do seen[#seen + 1] = math.type(i) .. ":" .. i end
for i = 0.5, 1.5, 0.5 do seen[#seen + 1] = i end
print(table.concat(seen, " "))

-- the control variable near maxinteger does not overflow into an endless loop
local n = 0
for i = math.maxinteger - 2, math.maxinteger do n = n + 1 end
for i = math.mininteger, math.mininteger + 2, 1 do n = n + 1 end
for i = math.mininteger + 1, math.mininteger, -1 do n = n + 1 end
print("edge iterations", n)
assert(n == 8)

-- the generic for complains when the iterator is not callable
check(function() for k in 42 do end end, "attempt to call a number value (for iterator 'for iterator')")
