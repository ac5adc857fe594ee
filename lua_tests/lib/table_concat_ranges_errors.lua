-- table.concat: numbers and floats as elements, separators, i/j ranges and error messages
print(table.concat({1, 2, 3}))
print(table.concat({1, 2.5, -3, 1e20, 2^63}, " "))
print(table.concat({"a", "b", "c"}, ", "))
print(table.concat({"a", "b", "c"}, "", 2))
print(table.concat({"a", "b", "c"}, "-", 2, 3))
print(table.concat({"a", "b", "c"}, "-", 3, 2) == "")
print(table.concat({}, "x") == "")
print(table.concat({"only"}, "sep"))
print(table.concat({1, 2, 3}, 0))
print(table.concat({"a", "b"}, "\0"):byte(1, -1))

-- ranges beyond the array use whatever values exist
local t = {[1] = "x", [2] = "y", [5] = "z"}
print(table.concat(t, ",", 1, 2))
print(pcall(table.concat, t, ",", 1, 5))

-- error messages name the offending index
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2, true}))
print(pcall(table.concat, {"a", nil, "c"}, ",", 1, 3))
print(pcall(table.concat, {}, ",", 1, 1))

-- bad arguments
print(pcall(table.concat, "abc"))
print(pcall(table.concat, {}, {}))
print(pcall(table.concat, {1, 2}, ",", "x"))

-- large concatenation keeps order
local nums = {}
for i = 1, 100 do nums[i] = i end
local joined = table.concat(nums, "+")
print(#joined, joined:sub(1, 20), joined:sub(-12))
print(load("return " .. joined)())

-- __index and __len are respected
local proxy = setmetatable({}, {
  __len = function() return 4 end,
  __index = function(_, i) return "v" .. i end,
})
print(table.concat(proxy, " "))

-- negative and zero indices in ranges
local neg = {[-1] = "m", [0] = "z", [1] = "p"}
print(table.concat(neg, ",", -1, 1))
