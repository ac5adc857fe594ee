"""What traces may take as constants about upvalues, as long as the debug library has not changed them.

A trace that calls a closure it knows (a callee whose identity it guards, or the closure a function trace serves)
takes the closure's cells as constants. Fixed upvalues go further: a captured local that only its declaration writes
(UpvalDesc.fixed, found by the parser) holds the same value for as long as its cell lives, so the trace records the
value itself as a constant: no load, no type guard, and arithmetic on it folds (LuaJIT specialises immutable
upvalues the same way). `local floor = math.floor`, `local IM = 139968` and a module's local functions are fixed.

The debug library can break both: debug.upvaluejoin gives a closure another cell, and debug.setupvalue and
debug.setlocal can write a fixed local. When they do, `TRUSTED` turns false for the rest of the run. Every constant
cell and value a trace takes is guarded by TRUSTED's value (a load and a compare, which the optimiser shares between
uses and hoists out of loops until a call may have run code), so a running trace leaves at its next such use, and
recordings load cells from their closures from then on.
"""

from __future__ import annotations

from ylua.values import Cell

TRUSTED = Cell(True)


def distrust() -> None:
    """The debug library gave a closure another cell, or wrote a local that traces may have taken as fixed."""
    TRUSTED.v = False
