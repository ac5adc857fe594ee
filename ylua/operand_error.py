"""Errors about an operand, worded by the dispatch loop with variable information (PUC's luaG_typeerror)."""

from __future__ import annotations


class OperandError(Exception):
    """`message` is complete except for the variable info; `position` says which operand of the faulting
    instruction holds the bad value (0 = first source operand, 1 = second; for CONCAT the index in its range;
    None = no variable info)."""

    def __init__(self, message: str, position: int | None):
        super().__init__(message)
        self.message = message
        self.position = position
