-- string.format float conversions %f %e %E %g %G %a with flags, width and precision
print(string.format("[%f] [%.2f] [%.0f] [%10.3f] [%-10.1f] [%010.2f]", 3.14159, 3.14159, 2.5, 3.14159, 3.14159, -3.14159))
print(string.format("[%+.1f] [% .1f] [%#.0f]", 1.25, 1.25, 3.0))
print(string.format("[%e] [%.2e] [%E] [%.0e] [%12.3e]", 12345.678, 12345.678, 0.00012, 5e10, -1.5))
print(string.format("[%g] [%g] [%g] [%g] [%g]", 100000, 1000000, 0.0001, 0.00001, 123.456))
print(string.format("[%.3g] [%.10g] [%G] [%#g] [%g]", 123.456, 1/3, 1e-10, 1.0, 0.0))
print(string.format("[%8.2g] [%-8.2g|] [%+g]", 1234.5, 0.000123, 2.5))

-- integers are accepted by float formats
print(string.format("%.1f %e %g", 3, 3, 3))

-- infinities and nan
print(string.format("%f %f %e %g", math.huge, -math.huge, math.huge, -math.huge))
print(string.format("[%10f] [%-10f|]", math.huge, -math.huge))
local nan = string.format("%f", 0/0)
print(nan == "nan" or nan == "-nan")

-- negative zero
print(string.format("%f %g %e", -0.0, -0.0, -0.0))

-- rounding behaviour of binary floating point
print(string.format("%.2f %.2f %.2f %.1f", 0.125, 0.375, 1.005, 0.05))
print(string.format("%.20f", 0.1))
print(string.format("%.17g", 0.1), string.format("%.14g", 0.1 + 0.2))

-- large values
print(string.format("%.0f", 2^63), string.format("%.0f", 1e20), string.format("%g", 2^63))
print(string.format("%.3f", 1e15 / 7))

-- %a hexadecimal floats
print(string.format("%a %a %a %a", 1.0, 0.5, 255.5, -0.1))
print(string.format("%A %.2a %a", 1.0, 1/3, 0.0))

-- precision limit and invalid formats
print(pcall(string.format, "%.99f", 1.0))
print(pcall(string.format, "%100f", 1.0))
print(pcall(string.format, "%f", "x"))
print(string.format("%5.1f|%5.1f|%5.1f", 1, 22.22, 333.333))
