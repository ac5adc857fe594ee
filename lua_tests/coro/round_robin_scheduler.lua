-- A round-robin scheduler of tasks with different lengths; tasks yield to the scheduler and finish in a set order.
local tasks, output = {}, {}

local function spawn(name, steps)
  tasks[#tasks + 1] = {name = name, co = coroutine.create(function()
    for i = 1, steps do
      output[#output + 1] = name .. i
      coroutine.yield()
    end
    return name .. " done after " .. steps
  end)}
end

spawn("A", 3)
spawn("B", 1)
spawn("C", 4)
spawn("D", 2)

local finished = {}
local ticks = 0
while #tasks > 0 do
  local i = 1
  while i <= #tasks do
    local t = tasks[i]
    local ok, result = coroutine.resume(t.co)
    assert(ok, result)
    ticks = ticks + 1
    if coroutine.status(t.co) == "dead" then
      finished[#finished + 1] = result
      table.remove(tasks, i)
    else
      i = i + 1
    end
  end
end
print(table.concat(output, " "))
for _, f in ipairs(finished) do print(f) end
print("ticks", ticks)
assert(ticks == 3 + 1 + 4 + 2 + 4)

-- tasks that spawn new tasks while the scheduler runs
tasks, output = {}, {}
local function spawn_fn(name, fn) tasks[#tasks + 1] = {name = name, co = coroutine.create(fn)} end
spawn_fn("parent", function()
  output[#output + 1] = "p1"
  spawn_fn("child", function()
    output[#output + 1] = "c1"; coroutine.yield(); output[#output + 1] = "c2"
  end)
  coroutine.yield()
  output[#output + 1] = "p2"
end)
-- ipairs sees a task appended during the pass, so the child runs in the same pass
local passes = 0
while #tasks > 0 and passes < 10 do
  local alive = {}
  for _, t in ipairs(tasks) do
    coroutine.resume(t.co)
    if coroutine.status(t.co) ~= "dead" then alive[#alive + 1] = t end
  end
  tasks = alive
  passes = passes + 1
end
print(table.concat(output, " "), "passes", passes)
assert(table.concat(output, " ") == "p1 c1 p2 c2" and passes == 2)
