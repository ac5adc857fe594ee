-- One field access site meets records of many shapes: fields added in different orders, removed, re-added, keys
-- built at run time, records that grow past their first size, and records with integer keys in the hash part.
-- Traces read each field where the previous record kept it and must notice when this one keeps it elsewhere.

local function point(x, y) return {x = x, y = y, vx = 0.5, vy = -0.5} end

local shapes = {}
for i = 1, 40 do
  local r
  local kind = i % 8
  if kind == 0 then r = point(i, i + 1)
  elseif kind == 1 then r = {vy = -0.5, vx = 0.5, y = i + 1, x = i}            -- reversed order
  elseif kind == 2 then r = {pad1 = 1, pad2 = 2, pad3 = 3, x = i, y = i + 1, vx = 0.5, vy = -0.5}
  elseif kind == 3 then
    r = point(i, i + 1)
    r.x = nil                                                             -- removed, then added at the end
    r.x = i
  elseif kind == 4 then
    r = {}
    r["v" .. "x"], r["v" .. "y"] = 0.5, -0.5                               -- keys made at run time
    r[("x"):rep(1)], r[("y"):upper():lower()] = i, i + 1
  elseif kind == 5 then
    r = point(i, i + 1)
    for k = 1, 30 do r["extra" .. k] = k end                               -- grows: its hash part is rebuilt
  elseif kind == 6 then
    r = {[100] = 1, [2.5] = 2, x = i, y = i + 1, vx = 0.5, vy = -0.5}      -- non-string keys in the hash part
  else
    r = point(i, i + 1)
    r.vx = nil                                                            -- a missing field reads as nil
  end
  shapes[i] = r
end

local sum, missing = 0.0, 0
for step = 1, 30 do
  for i = 1, #shapes do
    local r = shapes[i]
    local vx = r.vx
    if vx == nil then
      missing = missing + 1
      vx = 0.25
    end
    r.x = r.x + vx                     -- a float store over an int, then over floats the record alone holds
    r.y = r.y + r.vy
    sum = sum + r.x - r.y
  end
  if step == 15 then shapes[3].vx = 1.5; shapes[7].x = nil; shapes[7].x = 0 end
end
print(string.format("%.3f %d", sum, missing))

local check = 0.0
for i = 1, #shapes do check = check + shapes[i].x * 2 + shapes[i].y end
print(string.format("%.3f", check))
assert(shapes[40].extra30 == nil and shapes[5].extra30 == 30)
