-- A hexadecimal numeral takes 'p' exponents only (llex.c's read_numeral): in 0xe+9 the 'e' is a digit and '+ 9'
-- an addition, while 0xep9 is 14 * 2^9. A numeral is read as far as letters, digits, dots and exponent signs go,
-- so one touching a letter or a second dot is a single malformed token.
assert(0xe+9 == 23)
assert(0xE+1 == 15)
assert(0xep9 == 7168)
assert(0xep+9 == 7168)
assert(0xep-9 == 0.02734375)
assert(0x1P4 == 16.0 and 0xA.8p0 == 10.5 and 0x.8 == 0.5)
assert(1e+5 == 100000 and 1E-2 == 0.01 and 3. == 3.0 and .5 == 0.5)
local x = 0xe
print(0xe+9, 0xE-1, 0xep9, 0xep-9, x+0xe+0xe, -0xe+1, 0xe*2)
print(math.type(0xe+9), math.type(0xep9), 0xffffffffffffffff, 0x7fffffffffffffff + 0 == math.maxinteger)
print(9223372036854775807, 9223372036854775808, 1e308 * 10 == math.huge)
for _, s in ipairs{"0xe+", "0xep", "0xep+", "1..2", "3e", "3e+", "0x", "0x1pz", "12abc", ".5.5", "08z", "0x.p1",
                   "1_000"} do
  print(s, select(2, load("return " .. s, "=n")))
end
