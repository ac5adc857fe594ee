-- repeat-until's condition sees locals declared in the body; while loops re-evaluate their condition.
local i = 0
repeat
  local doubled = i * 2
  i = i + 1
until doubled >= 6
assert(i == 4, "until sees 'doubled' from the body")

-- the local shadows an outer variable of the same name inside the condition
local done = "outer"
local rounds = 0
repeat
  rounds = rounds + 1
  local done = rounds == 3
until done
assert(rounds == 3 and done == "outer", "the outer 'done' is untouched")

-- closures created in the body capture a fresh local per iteration, also seen by until
local fns = {}
repeat
  local k = #fns + 1
  fns[k] = function() return k end
until k == 3
assert(fns[1]() == 1 and fns[3]() == 3)

-- repeat body always runs at least once
local ran = 0
repeat ran = ran + 1 until true
assert(ran == 1)

-- while with a condition that changes inside the body
local list = {5, 4, 3, 2, 1}
local sum = 0
while #list > 0 do
  sum = sum + table.remove(list)
end
assert(sum == 15 and #list == 0)

-- while false never runs; while with nil
while false do error("never") end
while nil do error("never") end

-- break inside repeat; the until is not evaluated afterwards
local steps = 0
repeat
  steps = steps + 1
  if steps == 2 then break end
  local stop = false
until stop
assert(steps == 2)

-- continue-style goto inside repeat must not jump into the scope of a local
local out = {}
local x = 0
repeat
  x = x + 1
  if x % 2 == 1 then goto skip end
  out[#out + 1] = x
  ::skip::
until x >= 6
assert(table.concat(out, ",") == "2,4,6")
print(i, rounds, done, fns[2](), ran, sum, steps, table.concat(out, ","))
