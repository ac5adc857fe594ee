-- tonumber of strings and numbers inside a traced loop (an intrinsic: the conversion alone) gives what the library
-- gives: integers, floats, hex, exponents, surrounding spaces, and nil for what is not a numeral.
local inputs = {
  "42", "-7", "  12  ", "0x1F", "-0x10", "3.25", "1e3", ".5", "5.", "0x.8p1", "9223372036854775807",
  "9223372036854775808", "abc", "", " ", "12abc", "1e", "--1", "inf", "nan", "0x", 17, 2.5, -0.0,
}
local expect = {}
for i = 1, #inputs do expect[i] = tonumber(inputs[i]) end  -- before the loop gets hot

local seen = {}
for round = 1, 300 do
  for i = 1, #inputs do
    local v = tonumber(inputs[i])
    if round == 300 then seen[i] = v end
    assert(v == expect[i] or (v ~= v and expect[i] ~= expect[i]), i)
    assert(math.type(v) == math.type(expect[i]), i)
  end
end

local sum = 0
for i = 1, 2000 do
  sum = sum + tonumber(tostring(i)) + tonumber(i .. ".5") * 2
end
assert(sum == 3 * 2001000 + 2000, sum)

-- a value that is neither string nor number: nil, as the library says (and its argument check when missing)
local t = {}
for i = 1, 200 do
  assert(tonumber(t) == nil and tonumber(nil) == nil and tonumber(true) == nil)
end
assert(not pcall(tonumber))
print(#seen, seen[1], seen[4], seen[6], seen[11], seen[12], seen[13])
