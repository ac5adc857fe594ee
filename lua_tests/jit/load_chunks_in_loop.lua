-- Chunks compiled with load() inside a hot loop, each running its own hot loop; chunk code changes per run.
local total = 0
for r = 1, 40 do
  local op = ({"+", "-", "*", "//", "%"})[r % 5 + 1]
  local src = "local n = ... local s = 1 for i = 1, n do s = (s " .. op .. " i) % 1000003 + 1 end return s"
  local f = assert(load(src))
  total = total + f(300 + r)
end
print(total)

-- the same source loaded repeatedly with an env table whose fields switch types
local src = "local s = 0 for i = 1, 300 do s = s + k * i end return s"
local acc = 0
for r = 1, 30 do
  local env = {k = (r % 3 == 0) and 0.5 or ((r % 3 == 1) and r or -r)}
  acc = acc + assert(load(src, "chunk", "t", env))()
end
print(acc)

-- a loaded function that yields values from a loop, driven from a hot loop
local gen = assert(load([[
  local n = ...
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i % 2 == 0 and i or tostring(i)) end
  end)
]]))
local cnt = 0
for v in gen(400) do cnt = cnt + (type(v) == "string" and 1 or v) end
print(cnt)

-- syntax and runtime errors from loaded chunks inside a loop
local serr, rerr = 0, 0
for i = 1, 300 do
  local code = (i % 30 == 0) and "return 1 +" or ("return " .. i .. " + (x or 0)")
  local f = load(code, "=c", "t", {x = (i % 45 == 0) and {} or 1})
  if not f then serr = serr + 1
  else
    local ok = pcall(f)
    if not ok then rerr = rerr + 1 end
  end
end
print(serr, rerr)
print("ok")
