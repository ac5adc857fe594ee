-- string.byte(s, i, j) returning several bytes natively (their number fixed by the trace, guarded), next to ranges
-- past the end, empty ones, negative indices and ranges whose length changes at the same call.
local s = "The quick brown fox jumps over the lazy dog 0123456789"
local sum, cnt = 0, 0
for r = 1, 300 do
  local p = 1 + (r * 7) % (#s - 3)
  local a, b, c, d = s:byte(p, p + 3)
  sum = sum + a + 2 * b + 3 * c + 4 * d
  local x, y = string.byte(s, p, p + 1)
  sum = sum + x - y
  local t = { s:byte(p, p + 2) }
  cnt = cnt + #t
  local q = r % 60                         -- past the end, empty ranges and negative indices
  local e = { s:byte(q, q + 5) }
  local f = { s:byte(-q - 1, -1) }
  local g = { s:byte(q + 3, q) }
  cnt = cnt + #e + #f + #g
end
for r = 1, 300 do
  local p = 1 + r % 40
  local v = { s:byte(p, p + r % 4) }
  cnt = cnt + #v * 10 + v[#v]
end
print(sum, cnt)
