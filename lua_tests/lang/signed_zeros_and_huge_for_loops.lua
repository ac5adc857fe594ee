-- Float floor division keeps the sign of a zero quotient (C's floor does), math.modf gives a +0.0 fraction for
-- numbers with none, and numeric for loops whose iteration count does not fit an integer run (and break) alike in
-- the interpreter and in traces.

local function s(x) return tostring(x) end

local z = -0.0
assert(s(z // 1) == "-0.0" and s(z // 2.0) == "-0.0" and s(-0.0 // 1) == "-0.0")
assert(s(z // -1) == "0.0" and s(0.0 // -1) == "-0.0" and s(-0.5 // math.huge) == "-0.0")
assert(s(0.5 // 1) == "0.0" and s(-0.5 // 1) == "-1.0" and s(7.5 // 2) == "3.0")

-- the same division in a hot loop (a trace computes it natively)
local vals = { 0.0, 0.5 }
local r
for _ = 1, 300 do r = vals[1] // -1 end
assert(s(r) == "-0.0", s(r))

local ip, frac = math.modf(-0.0)
assert(s(ip) == "0" and s(frac) == "0.0", s(ip) .. " " .. s(frac))
ip, frac = math.modf(-0.5)
assert(s(ip) == "0" and s(frac) == "-0.5")
ip, frac = math.modf(-3.75)
assert(ip == -3 and frac == -0.75)
ip, frac = math.modf(math.huge)
assert(ip == math.huge and s(frac) == "0.0")

-- iteration counts of 2^63 and more (a trace gets the loop with its count in a register)
local headers = {
  { 10, -math.huge, -1 }, { 1, math.mininteger, -1 }, { -2, math.maxinteger, 1 },
  { math.mininteger, math.maxinteger, 1 }, { math.maxinteger, math.mininteger, -1 }, { 10, -1e300, -1 },
  { 0, math.mininteger, -1 }, { 1, math.huge, 1 },
}
for round = 1, 3 do
  for _, h in ipairs(headers) do
    local n, last = 0, nil
    for i = h[1], h[2], h[3] do
      n = n + 1
      last = i
      if n >= 250 then break end
    end
    assert(n == 250 and last == h[1] + 249 * h[3], ("round %d: %s"):format(round, n))
  end
end
local n = 0
for _ = -100000, math.huge do
  n = n + 1
  if n == 1000 then break end
end
assert(n == 1000)
print("ok")
