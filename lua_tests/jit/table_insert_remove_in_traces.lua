-- table.insert(t, v) and table.remove(t) run natively on tables without a metatable: stacks that grow and shrink,
-- tables with a hash part (integer keys beyond the array that an append pulls in), holes at the end, an empty
-- table whose t[0] the remove takes, nil values, tables with metatables (which go through their metamethods), and
-- arguments that are not tables (errors) must all behave as in lua5.4.
local function stack_round(n)
  local s = {}
  for i = 1, n do table.insert(s, i * 3) end
  local sum = 0
  while #s > 0 do sum = sum + table.remove(s) end
  return sum, #s
end
local totals = {}
for round = 1, 300 do
  local sum, left = stack_round(round % 9 + 1)
  totals[round % 9 + 1] = sum .. "/" .. left
end
print("stacks", table.concat(totals, " "))

-- integer keys waiting in the hash part: an append pulls them into the sequence (the table is a sequence after
-- each insert, so that its length is the same in every implementation)
local pulled = {}
for round = 1, 200 do
  local t = {}
  t[2], t[3] = "b", "c"
  table.insert(t, "a")                -- at 1: #t is 3 now
  t.name = "x"                        -- a hash part with a string key as well
  table.insert(t, "d")
  table.insert(t, "e")
  pulled[#pulled + 1] = #t .. table.concat(t)
  if round % 50 == 0 then print("pulled", round, pulled[#pulled], table.remove(t), #t) end
end

-- the result of insert is no value; remove of an empty table takes t[0]; holes at the end go with the last item
local shapes = {}
for round = 1, 200 do
  local t = { [0] = "zero" }
  local none = select("#", table.insert(t, round))
  local a = table.remove(t)
  local b = table.remove(t)           -- empty: t[0], which it clears
  local c = table.remove(t)
  local h = { 1, 2, 3 }
  h[2] = nil
  local last = table.remove(h)        -- 3, and #h is 1 after it
  shapes[round % 4 + 1] = table.concat({ none, a, tostring(b), tostring(c), last, #h }, ",")
end
print("shapes", table.concat(shapes, " "))

-- inserting nil, and tables with metatables: __newindex and __len are honoured
local log = {}
local proxy_store = {}
local proxy = setmetatable({}, {
  __newindex = function(t, k, v) proxy_store[k] = v; log[#log + 1] = k end,
  __index = proxy_store,
  __len = function() return #proxy_store end,
})
local plain, nils = {}, 0
for round = 1, 200 do
  table.insert(plain, round % 3 == 0 and nil or round)
  if round % 3 == 0 then nils = nils + 1 end
  if round <= 5 then table.insert(proxy, round * 10) end
  if round == 100 then setmetatable(plain, { __newindex = function(t, k, v) rawset(t, k, v * 2) end }) end
end
print("plain", #plain, plain[1], plain[150], nils, "proxy", #proxy, table.concat(log, ","), table.remove(proxy))

-- a table that gets a metatable half way: remove asks its __len, and takes the item there
local queue, taken = {}, {}
for round = 1, 300 do
  table.insert(queue, round)
  table.insert(queue, -round)
  if round == 150 then setmetatable(queue, { __len = function(t) return rawlen(t) - 1 end }) end
  taken[#taken + 1] = table.remove(queue)
end
print("with __len", rawlen(queue), taken[1], taken[150], taken[151], taken[300])
local big, popped = {}, {}
for i = 1, 600 do big[i] = i end
local lens = { __len = function(t) return rawlen(t) // 2 end }
for round = 1, 300 do
  if round == 150 then setmetatable(big, lens) end
  popped[#popped + 1] = table.remove(big)
end
print("popped", rawlen(big), popped[149], popped[150], popped[151], popped[300])

-- not a table
for _, bad in ipairs({ "x", 42 }) do
  local ok, err = pcall(function()
    local t = {}
    for i = 1, 300 do
      local target = i == 300 and bad or t
      table.insert(target, i)
    end
  end)
  print("bad insert", ok, err)
  ok, err = pcall(function()
    local t = { 1, 2, 3 }
    for i = 1, 300 do
      table.insert(t, i)
      table.remove(i == 300 and bad or t)
    end
  end)
  print("bad remove", ok, err)
end
