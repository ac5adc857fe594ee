-- Helper module for base_require_modules.lua (not a test): counts its own loads.
local name, extra = ...
LIB_COUNTER_LOADS = (LIB_COUNTER_LOADS or 0) + 1
local M = {}
M.loaded_as = name
M.extra_is_string = type(extra) == "string"
function M.add(a, b) return a + b end
return M
