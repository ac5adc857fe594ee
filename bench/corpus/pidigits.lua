-- Pidigits: the unbounded spigot with a bignum in Lua tables (base 10^7 limbs, little-endian), 10 digits a line.
-- quick: 30
local N = tonumber(arg and arg[1]) or 1200

local BASE = 10000000

-- Signed bignums: limbs 1..n (little-endian) plus a `neg` flag, with arithmetic metamethods.
local Big = {}
Big.__index = Big

local function trim(t)
  local n = #t
  while n > 0 and t[n] == 0 do
    t[n] = nil
    n = n - 1
  end
  if n == 0 then t.neg = false end
  return t
end

local function make(limbs, neg)
  limbs.neg = neg
  return setmetatable(trim(limbs), Big)
end

function Big.new(n)
  local t, neg = {}, n < 0
  if neg then n = -n end
  while n > 0 do
    t[#t + 1] = n % BASE
    n = n // BASE
  end
  return make(t, neg)
end

local function mag_cmp(a, b)
  if #a ~= #b then return #a < #b and -1 or 1 end
  for i = #a, 1, -1 do
    if a[i] ~= b[i] then return a[i] < b[i] and -1 or 1 end
  end
  return 0
end

local function mag_add(a, b)
  local r, carry = {}, 0
  local n = math.max(#a, #b)
  for i = 1, n do
    local v = (a[i] or 0) + (b[i] or 0) + carry
    if v >= BASE then
      r[i], carry = v - BASE, 1
    else
      r[i], carry = v, 0
    end
  end
  if carry > 0 then r[n + 1] = carry end
  return r
end

local function mag_sub(a, b) -- |a| >= |b|
  local r, borrow = {}, 0
  for i = 1, #a do
    local v = a[i] - (b[i] or 0) - borrow
    if v < 0 then
      r[i], borrow = v + BASE, 1
    else
      r[i], borrow = v, 0
    end
  end
  return r
end

function Big.__add(a, b)
  if a.neg == b.neg then return make(mag_add(a, b), a.neg) end
  if mag_cmp(a, b) >= 0 then
    return make(mag_sub(a, b), a.neg)
  else
    return make(mag_sub(b, a), b.neg)
  end
end

function Big.__unm(a)
  local r = { table.unpack(a) }
  return make(r, not a.neg)
end

function Big.__sub(a, b)
  return a + (-b)
end

function Big.__mul(a, m) -- bignum * small integer, either way round
  if type(a) == "number" then a, m = m, a end
  local neg = a.neg
  if m < 0 then m, neg = -m, not neg end
  local r, carry = {}, 0
  for i = 1, #a do
    local v = a[i] * m + carry
    r[i] = v % BASE
    carry = v // BASE
  end
  while carry > 0 do
    r[#r + 1] = carry % BASE
    carry = carry // BASE
  end
  return make(r, neg)
end

function Big.__lt(a, b)
  if a.neg ~= b.neg then return a.neg end
  local c = mag_cmp(a, b)
  if a.neg then return c > 0 end
  return c < 0
end

function Big.__le(a, b)
  return not (b < a)
end

-- floor(a / b) for non-negative a, b and a small quotient: a float estimate from the top limbs, then corrected.
function Big.__idiv(a, b)
  if a < b then return 0 end
  local n = #a
  local fa, fb = 0.0, 0.0
  for i = n, math.max(1, n - 2), -1 do
    fa = fa * BASE + a[i]
    fb = fb * BASE + (b[i] or 0)
  end
  local q = math.floor(fa / fb)
  while q > 0 and a < b * q do q = q - 1 end
  while b * (q + 1) <= a do q = q + 1 end
  return q
end

local numer, accum, denom = Big.new(1), Big.new(0), Big.new(1)

local function next_term(k)
  local k2 = k * 2 + 1
  accum = (accum + numer * 2) * k2
  denom = denom * k2
  numer = numer * k
end

local function extract_digit(nth)
  return (numer * nth + accum) // denom
end

local function eliminate_digit(d)
  accum = (accum - denom * d) * 10
  numer = numer * 10
end

local i, k = 0, 0
local line = ""
while i < N do
  k = k + 1
  next_term(k)
  if numer <= accum then
    local d = extract_digit(3)
    if d == extract_digit(4) then
      line = line .. d
      i = i + 1
      if i % 10 == 0 then
        io.write(line, "\t:", i, "\n")
        line = ""
      end
      eliminate_digit(d)
    end
  end
end
if #line > 0 then
  io.write(line, string.rep(" ", 10 - #line), "\t:", i, "\n")
end
