-- MD5 on 32-bit words kept in 64-bit integers: &, |, ~, <<, >> with 0xffffffff masks, string.byte word loads, %08x digests.
-- quick: 5
local N = tonumber(arg and arg[1]) or 7000

local K = {}
for i = 0, 63 do
  K[i] = math.floor(math.abs(math.sin(i + 1)) * 2 ^ 32) & 0xffffffff
end

local S = {
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
}

local function lrot(x, n)
  return ((x << n) | (x >> (32 - n))) & 0xffffffff
end

local function bswap(x)
  return ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >> 8) & 0xff00) | (x >> 24)
end

local function pad(msg)
  local len = #msg
  local bits = len * 8
  local zeros = (55 - len) % 64
  local tail = {}
  for i = 0, 7 do
    tail[#tail + 1] = string.char((bits >> (8 * i)) & 0xff)
  end
  return msg .. "\128" .. string.rep("\0", zeros) .. table.concat(tail)
end

function md5(msg)
  msg = pad(msg)
  local a0, b0, c0, d0 = 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476
  local M = {}
  local byte = string.byte
  for chunk = 1, #msg, 64 do
    for i = 0, 15 do
      local p = chunk + i * 4
      local b1, b2, b3, b4 = byte(msg, p, p + 3)
      M[i] = b1 | (b2 << 8) | (b3 << 16) | (b4 << 24)
    end
    local a, b, c, d = a0, b0, c0, d0
    for i = 0, 63 do
      local f, g
      if i < 16 then
        f = (b & c) | (~b & d)
        g = i
      elseif i < 32 then
        f = (d & b) | (~d & c)
        g = (5 * i + 1) % 16
      elseif i < 48 then
        f = b ~ c ~ d
        g = (3 * i + 5) % 16
      else
        f = c ~ (b | ~d)
        g = (7 * i) % 16
      end
      f = (f + a + K[i] + M[g]) & 0xffffffff
      a = d
      d = c
      c = b
      b = (b + lrot(f, S[i + 1])) & 0xffffffff
    end
    a0 = (a0 + a) & 0xffffffff
    b0 = (b0 + b) & 0xffffffff
    c0 = (c0 + c) & 0xffffffff
    d0 = (d0 + d) & 0xffffffff
  end
  return string.format("%08x%08x%08x%08x", bswap(a0), bswap(b0), bswap(c0), bswap(d0))
end

-- self-checks against the RFC 1321 test vectors
local vectors = {
  [""] = "d41d8cd98f00b204e9800998ecf8427e",
  ["abc"] = "900150983cd24fb0d6963f7d28e17f72",
  ["message digest"] = "f96b697d7cb7938d525a2f31aaf161d0",
  ["The quick brown fox jumps over the lazy dog"] = "9e107d9d372bb6826bd81d3542a419d6",
}
local ok = 0
for m, want in pairs(vectors) do
  if md5(m) == want then ok = ok + 1 end
end
print("test vectors ok: " .. ok .. "/4")

-- a 2 KB message from an LCG, hashed N times, each digest replacing the message's head
local seed = 12345
local parts = {}
for i = 1, 2048 do
  seed = (seed * 1103515245 + 12345) % 2147483648
  parts[i] = string.char(32 + (seed >> 16) % 95)
end
local msg = table.concat(parts)
local digest
for _ = 1, N do
  digest = md5(msg)
  msg = digest .. msg:sub(#digest + 1)
end
print("md5 of a thousand a's: " .. md5(string.rep("a", 1000)))
print(string.format("after %d rounds: %s", N, digest))
