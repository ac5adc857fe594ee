-- __len overrides # for tables (any return value, not only integers); strings ignore it; rawlen bypasses it.
local fixed = setmetatable({1, 2, 3}, {__len = function() return 42 end})
assert(#fixed == 42)
assert(rawlen(fixed) == 3, "rawlen ignores __len")

-- __len receives the table (and the table again as a second argument)
local got_a, got_b
local probe = setmetatable({}, {__len = function(a, b) got_a, got_b = a, b; return 0 end})
assert(#probe == 0 and got_a == probe and got_b == probe)

-- the result is not adjusted: floats, strings, nil are returned as is
local flt = setmetatable({}, {__len = function() return 2.5 end})
assert(#flt == 2.5)
local str = setmetatable({}, {__len = function() return "long" end})
assert(#str == "long")
local none = setmetatable({}, {__len = function() end})
assert(#none == nil)
local two = setmetatable({}, {__len = function() return 7, 8 end})
local l1, l2 = #two
assert(l1 == 7 and l2 == nil, "truncated to one result")

-- a sparse-aware length that counts a stored n
local List = {}
List.__len = function(self) return self.n end
local lst = setmetatable({n = 0}, List)
function List.__index(_, k) return List[k] end
function List.push(self, v) self.n = self.n + 1; rawset(self, self.n, v) end
lst:push("a"); lst:push(nil); lst:push("c")
assert(#lst == 3)

-- ipairs does not use __len (stops at first nil)
local count = 0
for _ in ipairs(lst) do count = count + 1 end
assert(count == 1)

-- table library functions respect __len
local virt = setmetatable({}, {
  __len = function() return 3 end,
  __index = function(_, i) return "v" .. i end,
})
assert(table.concat(virt, ",") == "v1,v2,v3", "table.concat uses # with metamethods")
assert(select("#", table.unpack(virt)) == 3)

-- strings: # is the byte length regardless of metatables
assert(#"hello" == 5)

-- __len on a non-table: error unless a metamethod exists
local ok, err = pcall(function() return #nil end)
assert(not ok and string.find(err, "attempt to get length of a nil value", 1, true), err)

-- __len that errors propagates the error
local bad = setmetatable({}, {__len = function() error("no length here") end})
ok, err = pcall(function() return #bad end)
assert(not ok and string.find(err, "no length here", 1, true), err)
print(#fixed, rawlen(fixed), #flt, #str, #none, l1, #lst, count, table.concat(virt, ","))
