-- Table constructors: trailing separators, [expr]= keys, mixed positional fields, and vararg/call expansion.
local t1 = {1, 2, 3,}
local t2 = {1; 2; 3;}
local t3 = {1, 2; 3}
assert(#t1 == 3 and #t2 == 3 and #t3 == 3, "',' and ';' are both separators, trailing allowed")

local k = "dyn"
local t = {[k .. "amic"] = 1, [1 + 1] = "two", ["with space"] = true, plain = "p"}
assert(t.dynamic == 1 and t[2] == "two" and t["with space"] and t.plain == "p")

-- positional fields are numbered independently of keyed fields
local mix = {"a", x = 1, "b", [10] = "ten", "c"}
assert(mix[1] == "a" and mix[2] == "b" and mix[3] == "c" and mix[10] == "ten" and mix.x == 1)

-- a positional field overrides an explicit [n] key given earlier
local over = {[1] = "explicit", "positional"}
assert(over[1] == "positional")

-- a call in the last position expands to all its results
local function three() return 1, 2, 3 end
local e1 = {three()}
assert(#e1 == 3)
local e2 = {three(), three()}
assert(#e2 == 4 and e2[1] == 1 and e2[2] == 1 and e2[4] == 3, "only the last call expands")
local e3 = {three(), "end"}
assert(#e3 == 2 and e3[1] == 1)
local e4 = {(three())}
assert(#e4 == 1, "parentheses truncate")

-- varargs expand at the end only
local function va(...) return {..., "x"}, {"x", ...} end
local v1, v2 = va("p", "q")
assert(#v1 == 2 and v1[1] == "p" and v1[2] == "x")
assert(#v2 == 3 and v2[3] == "q")

-- positional after a keyed [n] with a call in the middle
local function none() end
local gap = {none(), "after"}
assert(gap[1] == nil and gap[2] == "after")

-- float keys with integral values normalise, keys of other types stay distinct
local norm = {[1.0] = "one", [2] = "two", ["1"] = "str"}
assert(norm[1] == "one" and norm[2.0] == "two" and norm["1"] == "str")

-- nested constructors and functions as values
local nested = {inner = {deep = {1, 2}}, fn = function(a) return a * 2 end}
assert(nested.inner.deep[2] == 2 and nested.fn(21) == 42)

-- nil keys are an error, nil values are just absent
local ok, err = pcall(function() local n; return {[n] = 1} end)
assert(not ok and string.find(err, "index is nil", 1, true), err)
local withnil = {a = nil, b = 1}
assert(withnil.a == nil and withnil.b == 1)

-- NaN keys are an error
ok, err = pcall(function() return {[0/0] = 1} end)
assert(not ok and string.find(err, "index is NaN", 1, true), err)
print(#t1, #e1, #e2, #e3, #e4, #v1, #v2, mix[3], over[1], norm[1], gap[2], nested.fn(4))
