-- require: loading a helper module from package.path, caching in package.loaded, package.preload
package.path = "./helpers/?_helper.lua;" .. package.path

local m = require("lib_counter_module")
print(type(m), m.add(2, 3), m.loaded_as, m.extra_is_string, LIB_COUNTER_LOADS)

-- second require returns the cached value without reloading
local m2 = require("lib_counter_module")
print(m2 == m, LIB_COUNTER_LOADS, package.loaded.lib_counter_module == m)

-- a cached require yields no loader data as second value
local _, where = require("lib_counter_module")
print(where)

-- forcing a reload by clearing package.loaded
package.loaded.lib_counter_module = nil
local m3, file = require("lib_counter_module")
print(m3 == m, LIB_COUNTER_LOADS, file)

-- a module that returns nothing is stored as true
print(require("lib_noreturn_module"), LIB_NORETURN_RAN, package.loaded.lib_noreturn_module)

-- package.preload takes precedence over searching files
package.preload["virtual.mod"] = function(name, arg)
  return {name = name, arg = arg}
end
local v = require("virtual.mod")
print(v.name, v.arg)
print(require("virtual.mod") == v)

-- preloaded value stored in package.loaded can be any value
package.preload.answer = function() return 42 end
print(require("answer"), package.loaded.answer)

-- presetting package.loaded short-circuits require
package.loaded.fake = "pre-set"
print(require("fake"))

-- missing modules raise an error that names the module
local ok, msg = pcall(require, "surely_not_a_module_xyz")
print(ok, msg:match("module 'surely_not_a_module_xyz' not found") ~= nil)

-- standard libraries are present in package.loaded
print(package.loaded.string == string, package.loaded.table == table, package.loaded._G == _G)
print(type(package.path), type(package.cpath), type(package.searchers), package.config:sub(1, 1))

-- cleanup globals
LIB_COUNTER_LOADS, LIB_NORETURN_RAN = nil, nil
