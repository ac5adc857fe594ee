"""Native calls between function traces (PyPy's call_assembler): the nesting depth they share.

A function trace calls another one, or itself, with a plain native call (op `call_trace`), so native recursion uses
the C stack. Every such call counts itself in NATIVE_DEPTH for as long as it runs. At NATIVE_DEPTH_LIMIT levels the
op calls its fallback instead (the language's way of calling the function in its interpreter), and the language does
not enter function traces either while the count is at the limit: deeper recursion is interpreted, and the C stack
stays bounded whatever the program does.
"""

from __future__ import annotations

import ctypes

NATIVE_DEPTH_LIMIT = 8000  # native levels: ~100-300 bytes of C stack each, far below the 8 MB main-thread stack

_depth = ctypes.c_int64(0)
NATIVE_DEPTH_ADDRESS = ctypes.addressof(_depth)


def native_depth() -> int:
    return _depth.value


def set_native_depth(n: int):
    _depth.value = n
