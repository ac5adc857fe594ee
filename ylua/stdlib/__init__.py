"""The Lua standard libraries, one module per library; open_all (ylua.stdlib.openlibs) opens them."""
