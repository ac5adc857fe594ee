-- Reverse-complement: sequences made in-process, complemented through string.byte/char lookup tables and through gsub, 60-column lines.
-- quick: 1000
local N = tonumber(arg and arg[1]) or 2000000

local IM, IA, IC = 139968, 3877, 29573
local last = 42
local function random(max)
  last = (last * IA + IC) % IM
  return max * last / IM
end

local alu = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA" ..
  "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA" ..
  "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC" ..
  "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"

local function random_seq(codes, weights, n)
  local cum, acc = {}, 0
  for i = 1, #weights do acc = acc + weights[i]; cum[i] = acc end
  local out = {}
  for i = 1, n do
    local r, k = random(acc), 1
    while k < #cum and r >= cum[k] do k = k + 1 end
    out[i] = string.sub(codes, k, k)
  end
  return table.concat(out)
end

local sequences = {
  { ">ONE Homo sapiens alu", string.sub(string.rep(alu, N // #alu + 1), 1, N) },
  { ">TWO IUB ambiguity codes", random_seq("acgtBDHKMNRSVWY", { 27, 12, 12, 27, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 }, N) },
  { ">THREE Homo sapiens frequency", random_seq("acgt", { 0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008 }, N) },
}

local pairs_ = "ACGTUMRWSYKVHDBN" -- complements are "TGCAAKYWSRMBDHVN"
local comps_ = "TGCAAKYWSRMBDHVN"
local byte_comp = {}
local str_comp = {}
for i = 1, #pairs_ do
  local from, to = pairs_:sub(i, i), comps_:sub(i, i)
  byte_comp[from:byte()] = to:byte()
  byte_comp[from:lower():byte()] = to:byte()
  str_comp[from] = to
  str_comp[from:lower()] = to
end

-- by bytes: walk the sequence backwards, 60 complemented bytes per line
local function revcomp_bytes(seq)
  local out = {}
  local line = {}
  local n = 0
  local byte, char = string.byte, string.char
  for i = #seq, 1, -1 do
    n = n + 1
    line[n] = byte_comp[byte(seq, i)]
    if n == 60 then
      out[#out + 1] = char(table.unpack(line, 1, 60))
      n = 0
    end
  end
  if n > 0 then out[#out + 1] = char(table.unpack(line, 1, n)) end
  return out
end

-- by patterns: reverse, complement with gsub and a table, then cut into lines
local function revcomp_gsub(seq)
  local rc = seq:reverse():gsub("%a", str_comp)
  local out = {}
  for pos = 1, #rc, 60 do
    out[#out + 1] = rc:sub(pos, pos + 59)
  end
  return out
end

local agree = 0
for _, s in ipairs(sequences) do
  local header, seq = s[1], s[2]
  local lines = revcomp_bytes(seq)
  io.write(header, "\n", table.concat(lines, "\n"), "\n")
  local other = revcomp_gsub(seq)
  if #other == #lines and table.concat(other) == table.concat(lines) then agree = agree + 1 end
end
io.write(string.format("gsub and byte versions agree on %d of %d\n", agree, #sequences))
