-- table.sort on seeded pseudo-random data: numbers, strings, descending, and a stable-by-index key
math.randomseed(314159)
local nums = {}
for i = 1, 300 do nums[i] = math.random(-1000, 1000) end
table.sort(nums)
local ordered = true
for i = 2, #nums do if nums[i - 1] > nums[i] then ordered = false end end
print(ordered, nums[1], nums[150], nums[300])

-- checksum of the sorted data is independent of the algorithm
local sum, weighted = 0, 0
for i, v in ipairs(nums) do sum = sum + v; weighted = weighted + i * v end
print(sum, weighted)

-- descending with a comparator
table.sort(nums, function(a, b) return a > b end)
print(nums[1], nums[300])

-- floats mixed with integers
local mixed = {}
for i = 1, 50 do mixed[i] = (i % 2 == 0) and math.random(100) or math.random() * 100 end
table.sort(mixed)
ordered = true
for i = 2, #mixed do if mixed[i - 1] > mixed[i] then ordered = false end end
print(ordered, #mixed)

-- random strings
local letters = "abcdefghij"
local words = {}
for i = 1, 60 do
  local len = math.random(1, 4)
  local w = {}
  for j = 1, len do local k = math.random(#letters); w[j] = letters:sub(k, k) end
  words[i] = table.concat(w)
end
table.sort(words)
print(words[1], words[2], words[59], words[60])

-- emulate a stable sort by tie-breaking on the original index
local recs = {}
for i = 1, 40 do recs[i] = {key = math.random(1, 5), idx = i} end
table.sort(recs, function(a, b)
  if a.key ~= b.key then return a.key < b.key end
  return a.idx < b.idx
end)
local out = {}
for i = 1, 10 do out[i] = recs[i].key .. "." .. recs[i].idx end
print(table.concat(out, " "))

-- sorting a table with 1 and 2 elements
local one, two = {5}, {9, 1}
table.sort(one); table.sort(two)
print(one[1], two[1], two[2])
