-- Numeric for with float steps, negative steps, and float/integer loop-variable types.
local vals = {}
for x = 0, 1, 0.25 do vals[#vals + 1] = x end
assert(#vals == 5 and vals[1] == 0 and vals[5] == 1.0)
assert(math.type(vals[1]) == "float", "a float step makes the control variable a float")
print(table.concat(vals, " "))

vals = {}
for x = 1, 0, -0.5 do vals[#vals + 1] = x end
assert(#vals == 3 and vals[3] == 0.0)
print(table.concat(vals, " "))

-- float start with integer step also gives floats
vals = {}
for x = 1.5, 4 do vals[#vals + 1] = x end
assert(#vals == 3 and vals[3] == 3.5)
print(table.concat(vals, " "))

-- all-integer loops keep integers, even with a float-looking limit
vals = {}
for i = 1, 3.9 do vals[#vals + 1] = math.type(i) end
assert(#vals == 3 and vals[1] == "integer", "float limit is floored for an integer loop")
print(table.concat(vals, " "))

vals = {}
for i = 3, 0.5, -1 do vals[#vals + 1] = i end
assert(#vals == 3 and vals[3] == 1, "negative step: limit is ceiled")
print(table.concat(vals, " "))

-- accumulating float error: 0.1 steps
local n = 0
for _ = 0, 1, 0.1 do n = n + 1 end
print("0.1 steps:", n)

-- loop variable is a copy; changing it does not affect iteration
local seen = {}
for i = 1, 3 do
  seen[#seen + 1] = i
  i = i * 10
end
assert(#seen == 3 and seen[3] == 3)

-- zero step is an error
local ok, err = pcall(function() for _ = 1, 10, 0 do end end)
assert(not ok and string.find(err, "'for' step is zero", 1, true), err)
ok, err = pcall(function() for _ = 1.0, 10, 0.0 do end end)
assert(not ok and string.find(err, "'for' step is zero", 1, true), err)

-- non-numeric bounds are errors
ok, err = pcall(function() for _ = "a", 2 do end end)
assert(not ok and string.find(err, "bad 'for' initial value (number expected, got string)", 1, true), err)
ok, err = pcall(function() for _ = 1, {} do end end)
assert(not ok and string.find(err, "bad 'for' limit (number expected, got table)", 1, true), err)
ok, err = pcall(function() for _ = 1, 2, "x" do end end)
assert(not ok and string.find(err, "bad 'for' step (number expected, got string)", 1, true), err)
print("errors ok")
