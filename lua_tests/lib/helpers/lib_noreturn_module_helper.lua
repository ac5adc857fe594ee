-- Helper module for base_require_modules.lua (not a test): returns nothing.
LIB_NORETURN_RAN = true
