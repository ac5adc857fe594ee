-- String building: `..` in loops, string.rep, string.format, table.concat, gsub with patterns/functions/tables, find and gmatch.
-- quick: 3
local N = tonumber(arg and arg[1]) or 1800

local function checksum(s)
  local h = 0
  for i = 1, #s, 7 do
    h = (h * 131 + s:byte(i)) % 2147483647
  end
  return h
end

local total = 0
local last_csv, last_report

for round = 1, N do
  -- 1. a CSV text built line by line with `..`
  local csv = "id,name,score,ratio\n"
  for i = 1, 200 do
    local name = string.rep(string.char(97 + (i * round) % 26), 1 + i % 5)
    csv = csv .. i .. "," .. name .. "," .. (i * 37 % 101) .. "," .. string.format("%.3f", i / 7) .. "\n"
  end

  -- 2. parse it back with gmatch and captures
  local sum, names = 0, {}
  for id, name, score, ratio in csv:gmatch("(%d+),(%a+),(%d+),([%d%.]+)\n") do
    sum = sum + tonumber(score) + tonumber(id) * tonumber(ratio)
    names[#names + 1] = name
  end

  -- 3. gsub with a function, a table and a pattern with anchors and classes
  local upper = csv:gsub("%a+", function(w) return #w > 3 and w:upper() or nil end)
  local vowels = { a = "4", e = "3", i = "1", o = "0" }
  local leet, nsubs = csv:gsub("[aeio]", vowels)
  local squeezed = upper:gsub("(%d)%.(%d+)", "%1_%2"):gsub("%s+$", "")

  -- 4. find, plain and with patterns, in a loop
  local pos, hits = 1, 0
  while true do
    local s, e = string.find(squeezed, "_%d%d%d", pos)
    if not s then break end
    hits = hits + 1
    pos = e + 1
  end
  local plain_hits = 0
  pos = 1
  repeat
    local s = leet:find("3,", pos, true)
    if s then
      plain_hits = plain_hits + 1
      pos = s + 2
    end
  until not s

  -- 5. a report from table.concat and string.format with padding
  local parts = {}
  for i = 1, #names, 10 do
    parts[#parts + 1] = string.format("%-6s|%5d|%8.2f", names[i], i, sum / i)
  end
  local report = table.concat(parts, "\n")

  -- 6. a long string from repeated doubling, then cut up with sub
  local s = "ab"
  while #s < 4096 do s = s .. s:reverse() end
  local pieces = {}
  for i = 1, #s, 512 do pieces[#pieces + 1] = s:sub(i, i + 3) end

  total = (total + checksum(csv) + checksum(upper) + checksum(report) + nsubs + hits + plain_hits
    + checksum(table.concat(pieces, "-"))) % 2147483647
  last_csv, last_report = squeezed, report
end

print(string.format("%d rounds, checksum %d", N, total))
print(last_csv:sub(1, 80))
print(last_report:sub(1, 70))
