-- Building linked lists and nested tables in hot loops where the new node refers to the previous value of the same local.
local list = nil
for i = 1, 500 do
  list = {v = i, next = list}
end
local n, s = 0, 0
local node = list
while node do
  n = n + 1; s = s + node.v
  node = node.next
  if n > 1000 then break end               -- guard against a cycle
end
print(n, s)

-- the node payload changes type half way
local stack = nil
for i = 1, 400 do
  local payload = (i > 200) and tostring(i) or i
  stack = {payload, stack}
end
local cnt, strs = 0, 0
while stack and cnt < 1000 do
  cnt = cnt + 1
  if type(stack[1]) == "string" then strs = strs + 1 end
  stack = stack[2]
end
print(cnt, strs)

-- wrapping a value repeatedly, then unwrapping
local wi = 0
local w = 0
while wi < 300 do wi = wi + 1; w = {w} end  -- w is the newest local here, unlike in a for body
local depth = 0
while type(w) == "table" and depth < 1000 do w = w[1]; depth = depth + 1 end
print(depth, w)

-- accumulators that copy the previous table's contents
local acc = {}
for i = 1, 300 do
  acc = {n = (acc.n or 0) + 1, last = acc.n, table.unpack(acc, 1, 2)}
end
print(acc.n, acc.last)

-- conditional updates through and/or that read the old value of the target local
local best = 0
local worst = 1000
for i = 1, 400 do
  local v = (i * 7919) % 1009
  best = v > best and v or best
  worst = (v < worst) and v or worst
end
print(best, worst)
local c = 3
for i = 1, 300 do c = c > 2 and c % 17 + 1 or c + 5 end
print(c)
print("ok")
