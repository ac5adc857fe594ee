-- Benchmarks-game fasta: an LCG (IM=139968, IA=3877, IC=29573), cumulative-probability lookup, ALU repeated in 60-column lines.
-- quick: 1000
local N = tonumber(arg and arg[1]) or 1500000

local IM = 139968
local IA = 3877
local IC = 29573

local Last = 42
local function random(max)
  local y = (Last * IA + IC) % IM
  Last = y
  return (max * y) / IM
end

local alu =
  "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG" ..
  "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA" ..
  "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT" ..
  "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA" ..
  "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG" ..
  "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC" ..
  "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"

local iub = {
  { "a", 0.27 }, { "c", 0.12 }, { "g", 0.12 }, { "t", 0.27 },
  { "B", 0.02 }, { "D", 0.02 }, { "H", 0.02 }, { "K", 0.02 },
  { "M", 0.02 }, { "N", 0.02 }, { "R", 0.02 }, { "S", 0.02 },
  { "V", 0.02 }, { "W", 0.02 }, { "Y", 0.02 },
}

local homosapiens = {
  { "a", 0.3029549426680 },
  { "c", 0.1979883004921 },
  { "g", 0.1975473066391 },
  { "t", 0.3015094502008 },
}

local function make_repeat_fasta(id, desc, s, n)
  io.write(">", id, " ", desc, "\n")
  local p, sn, s2 = 1, #s, s .. s
  for _ = 60, n, 60 do
    io.write(string.sub(s2, p, p + 59), "\n")
    p = p + 60
    if p > sn then p = p - sn end
  end
  local tail = n % 60
  if tail > 0 then
    io.write(string.sub(s2, p, p + tail - 1), "\n")
  end
end

local function make_cumulative(tbl)
  local chars, probs = {}, {}
  local p = 0.0
  for i, entry in ipairs(tbl) do
    p = p + entry[2]
    chars[i] = string.byte(entry[1])
    probs[i] = p
  end
  probs[#probs] = 1.0
  return chars, probs
end

local function make_random_fasta(id, desc, tbl, n)
  io.write(">", id, " ", desc, "\n")
  local chars, probs = make_cumulative(tbl)
  local nc = #chars
  local buf = {}
  local char, unpack = string.char, table.unpack
  local i = 1
  while i <= n do
    local len = n - i + 1
    if len > 60 then len = 60 end
    for j = 1, len do
      local r = random(1.0)
      local k = 1
      while k < nc and r >= probs[k] do
        k = k + 1
      end
      buf[j] = chars[k]
    end
    io.write(char(unpack(buf, 1, len)), "\n")
    i = i + 60
  end
end

make_repeat_fasta("ONE", "Homo sapiens alu", alu, N * 2)
make_random_fasta("TWO", "IUB ambiguity codes", iub, N * 3)
make_random_fasta("THREE", "Homo sapiens frequency", homosapiens, N * 5)
