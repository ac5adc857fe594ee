-- A LuaJIT-era benchmark in the style of bitops sieves: it needs bit, unpack and loadstring (ylua --compat=luajit)
-- and checks every bit operation against Lua 5.4's own integer operators on 32-bit values.
local band, bor, bxor, lshift, rshift = bit.band, bit.bor, bit.bxor, bit.lshift, bit.rshift
local function to32(x) x = x & 0xffffffff if x >= 0x80000000 then x = x - 0x100000000 end return x end

local n = tonumber(arg and arg[1]) or 20000
local words = {}
for i = 0, n // 32 do words[i] = 0 end
local count = 0
for i = 2, n do
  local w, b = rshift(i, 5), band(i, 31)
  if band(words[w], lshift(1, b)) == 0 then
    count = count + 1
    for j = i * i, n, i do
      local jw, jb = rshift(j, 5), band(j, 31)
      words[jw] = bor(words[jw], lshift(1, jb))
    end
  end
end

local h = 0
for i = 1, 5000 do
  h = bxor(lshift(h, 5), rshift(h, 3)) + i
  h = to32(h)
  assert(band(h, 0xff) == (h & 0xff))
end
local chunk = loadstring("local a, b, c = ... return a + b * c")
local args = {2, 3, 4}
print(count, h, chunk(unpack(args)), bit.tohex(h), bit.tobit(2^32 + 5))
