"""IR values: the four machine types, constants and trace inputs.

Types are one-letter strings so that they read well in op signatures and in the textual IR:

    i  int64 (wrap-around arithmetic)      f  IEEE double
    b  bool (i1)                           o  a Python object (PyObject*)
    v  no value (only as an op's result type)

An SSA value is a `Const`, an `Input` (the trace's arguments) or an `Op` (defined in ops.py): every op that has a
result is its own result value, as in PyPy's resoperation.
"""

from __future__ import annotations

INT, FLOAT, BOOL, OBJ, VOID = "i", "f", "b", "o", "v"
VALUE_TYPES = (INT, FLOAT, BOOL, OBJ)

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1
_MASK64 = (1 << 64) - 1


def wrap64(x: int) -> int:
    """Python int -> the int64 with the same low 64 bits."""
    x &= _MASK64
    return x - (1 << 64) if x > INT64_MAX else x


class Value:
    __slots__ = ("type",)

    def is_const(self) -> bool:
        return False


class Const(Value):
    """A constant. Object constants are compared by identity, the others by value (and type)."""

    __slots__ = ("value",)

    def __init__(self, type_: str, value):
        self.type = type_
        self.value = value

    def is_const(self) -> bool:
        return True

    def key(self):
        """A hashable identity: equal keys mean interchangeable constants."""
        if self.type == OBJ:
            return (OBJ, id(self.value))
        if self.type == FLOAT:
            return (FLOAT, repr(self.value))  # keeps -0.0 and nan distinct from 0.0
        return (self.type, self.value)

    def __repr__(self):
        return f"Const({self.type}, {self.value!r})"


def const_of(v) -> Const:
    """The constant of the natural machine type for Python value `v` (bool, int, float, else object)."""
    tv = type(v)
    if tv is bool:
        return Const(BOOL, v)
    if tv is int:
        return Const(INT, wrap64(v))
    if tv is float:
        return Const(FLOAT, v)
    return Const(OBJ, v)


def const_obj(v) -> Const:
    """An object constant, whatever the Python type of `v` (e.g. the int object 3 as a PyObject*)."""
    return Const(OBJ, v)


class Input(Value):
    """The trace's `index`-th argument."""

    __slots__ = ("index",)

    def __init__(self, type_: str, index: int):
        self.type = type_
        self.index = index

    def __repr__(self):
        return f"Input({self.type}, {self.index})"
