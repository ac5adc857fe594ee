-- Recursive in-order tree walk yielding from deep recursion; comparing two trees' fringes lazily.
local function insert(node, v)
  if node == nil then return {value = v} end
  if v < node.value then node.left = insert(node.left, v)
  else node.right = insert(node.right, v) end
  return node
end

local function build(list)
  local root
  for _, v in ipairs(list) do root = insert(root, v) end
  return root
end

local function walk(node, depth)
  if node == nil then return end
  walk(node.left, depth + 1)
  coroutine.yield(node.value, depth)
  walk(node.right, depth + 1)
end

local function inorder(tree)
  return coroutine.wrap(function() walk(tree, 0) end)
end

local t1 = build({50, 30, 70, 20, 40, 60, 80, 35, 45, 65})
local vals, depths = {}, {}
for v, d in inorder(t1) do
  vals[#vals + 1] = v
  depths[#depths + 1] = d
end
print(table.concat(vals, " "))
print(table.concat(depths, " "))
for i = 2, #vals do assert(vals[i - 1] < vals[i]) end

-- same-fringe: two trees with the same contents but different shapes
local function same_contents(a, b)
  local ga, gb = inorder(a), inorder(b)
  while true do
    local x, y = ga(), gb()
    if x ~= y then return false, x, y end
    if x == nil then return true end
  end
end
local t2 = build({20, 30, 35, 40, 45, 50, 60, 65, 70, 80})
local t3 = build({20, 30, 35, 40, 46, 50, 60, 65, 70, 80})
print("t1 vs t2", same_contents(t1, t2))
print("t1 vs t3", same_contents(t1, t3))

-- a degenerate (list-shaped) tree gives deep recursion inside a coroutine
local deep
for i = 1, 150 do deep = insert(deep, i) end
local n, maxd = 0, 0
for v, d in inorder(deep) do
  n = n + 1
  if d > maxd then maxd = d end
end
print("deep count", n, "max depth", maxd)
assert(n == 150 and maxd == 149)
