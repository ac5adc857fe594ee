-- k-nucleotide: DNA made in-process with the fasta LCG, k-mer counts via string.sub into tables, sorted frequencies.
-- quick: 2000
local N = tonumber(arg and arg[1]) or 1500000

local IM, IA, IC = 139968, 3877, 29573
local last = 42
local function random(max)
  last = (last * IA + IC) % IM
  return max * last / IM
end

-- The "THREE" part of fasta's output: Homo sapiens frequencies, 60 characters a line, read back as one string.
local function generate(n)
  local acgt = { "a", "c", "g", "t" }
  local probs = { 0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008 }
  for i = 2, #probs do probs[i] = probs[i] + probs[i - 1] end
  local lines, line = {}, {}
  for i = 1, n do
    local r = random(1.0)
    local k = 1
    while k < 4 and r >= probs[k] do k = k + 1 end
    line[#line + 1] = acgt[k]
    if #line == 60 or i == n then
      lines[#lines + 1] = table.concat(line)
      line = {}
    end
  end
  return table.concat(lines, "\n")
end

local function kfrequency(seq, freq, k, frame)
  local sub = string.sub
  local k1 = k - 1
  for i = frame, #seq - k1, k do
    local c = sub(seq, i, i + k1)
    freq[c] = (freq[c] or 0) + 1
  end
end

local function count(seq, frag)
  local k = #frag
  local freq = {}
  for frame = 1, k do
    kfrequency(seq, freq, k, frame)
  end
  io.write(freq[frag] or 0, "\t", frag, "\n")
end

local function frequency(seq, k)
  local freq = {}
  for frame = 1, k do
    kfrequency(seq, freq, k, frame)
  end
  local sfreq, sn, sum = {}, 1, 0
  for c, v in pairs(freq) do
    sfreq[sn] = c
    sn = sn + 1
    sum = sum + v
  end
  table.sort(sfreq, function(a, b)
    local fa, fb = freq[a], freq[b]
    return fa == fb and a < b or fa > fb
  end)
  for _, c in ipairs(sfreq) do
    io.write(string.format("%s %0.3f\n", c, (freq[c] * 100) / sum))
  end
  io.write("\n")
end

local text = generate(N)
-- as if read from a file: drop the newlines and upper-case it
local seq = string.upper((text:gsub("\n", "")))

frequency(seq, 1)
frequency(seq, 2)
count(seq, "GGT")
count(seq, "GGTA")
count(seq, "GGTATT")
count(seq, "GGTATTTTAATT")
count(seq, "GGTATTTTAATTTATAGT")
