-- Loops nested the way graph algorithms nest them: an outer loop over nodes, a work-list `while` inside that runs
-- one or two iterations per node (its recorded iteration often leaves it for the outer loop's start), a tiny `for`
-- that fills the list, and a called function with a loop of its own. The traces of these loops meet each other's
-- loop starts in every order; loops that cannot get a trace of their own are recorded a few iterations deep
-- inside the outer trace, and must leave it when they run longer. Results must not change.
local preds = {}
for i = 1, 60 do preds[i] = { i % 7 + 1, i % 5 + 1, i % 3 + 1 } end

local function collect(pool, x)
  for _, p in ipairs(preds[x]) do
    if p < x then pool[#pool + 1] = p end
  end
end

local function run(rounds, width)
  local total = 0
  for round = 1, rounds do
    for w = 60, 1, -1 do
      local work = {}
      for i = 1, width do work[i] = (w + i) % 60 + 1 end
      if w % 17 == 0 then                -- now and then the list is longer than the unrolled iterations
        for i = 1, 9 do work[#work + 1] = i end
      end
      local pool = {}
      while #work > 0 do
        local x = table.remove(work, 1)
        collect(pool, x)
        total = total + x
      end
      total = total + #pool
    end
  end
  return total
end

print("one", run(150, 1))
print("two", run(150, 2))
print("three", run(150, 3))
print("mixed", run(60, 1) + run(60, 2) + run(60, 1))

-- a repeat loop and a numeric for that always run exactly once inside a hot loop
local once = 0
for i = 1, 3000 do
  repeat once = once + i % 3 until true
  for j = i, i do once = once + j % 5 end
end
print("once", once)
