-- goto for continue and multi-level exits, label visibility rules, and break leaving only the innermost loop.
local pairs_found = {}
for i = 1, 4 do
  for j = 1, 4 do
    if j > i then break end          -- only leaves the inner loop
    if (i + j) % 2 == 1 then goto next_j end
    pairs_found[#pairs_found + 1] = i .. j
    ::next_j::
  end
end
print(table.concat(pairs_found, " "))
assert(#pairs_found == 6)

-- goto out of several nested loops at once
local found
for a = 1, 10 do
  for b = 1, 10 do
    for c = 1, 10 do
      if a * a + b * b == c * c then found = {a, b, c}; goto done end
    end
  end
end
::done::
assert(found and found[1] == 3 and found[2] == 4 and found[3] == 5)
print("triple", table.concat(found, ","))

-- same label name in different (non-nested) blocks is allowed
do goto l1; error("skipped"); ::l1:: end
do goto l1; error("skipped"); ::l1:: end

-- jumping into the scope of a local is a compile error
local chunk, err = load("goto f; local x = 1; ::f:: print(x)")
assert(chunk == nil and string.find(err, "jumps into the scope of local 'x'", 1, true), err)

-- a label at the end of a block may follow local declarations (void statement rule)
chunk, err = load("do goto e; local y = 2; ::e:: end return 'ok'")
assert(chunk and chunk() == "ok", err)

-- undefined labels and duplicate labels
chunk, err = load("goto nowhere")
assert(chunk == nil and string.find(err, "no visible label 'nowhere'", 1, true), err)
chunk, err = load("::a:: ::a::")
assert(chunk == nil and string.find(err, "label 'a' already defined", 1, true), err)

-- break outside a loop is a syntax error
chunk, err = load("break")
assert(chunk == nil and string.find(err, "break outside loop", 1, true), err)

-- backward goto implementing a loop, with a fresh local per iteration captured by closures
local fs = {}
do
  local n = 1
  ::again::
  local captured = n
  fs[#fs + 1] = function() return captured end
  n = n + 1
  if n <= 3 then goto again end
end
assert(fs[1]() == 1 and fs[2]() == 2 and fs[3]() == 3)
print(fs[1](), fs[2](), fs[3]())
