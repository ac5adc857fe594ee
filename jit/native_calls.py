"""Native calls between function traces (PyPy's call_assembler): the nesting depth they share, and how each level
was called.

A function trace calls another one, or itself, with a plain native call (op `call_trace`), so native recursion uses
the C stack. Every native level counts itself in the depth for as long as it runs: entering compiled function code
from the interpreter (MT.call_function) makes level depth + 1, and so does each `call_trace`. At NATIVE_DEPTH_LIMIT
levels the op calls its fallback instead (the language's way of calling the function in its interpreter), and the
language does not enter function traces either while the count is at the limit: deeper recursion is interpreted,
and the C stack stays bounded whatever the program does.

NATIVE_SITES[k] tells how level k was called: 0 from the interpreter, otherwise the call site number that the
`call_trace` op carries (the language numbers its call sites). A language that wants to show the frames of the native
levels below an exit (tracebacks, error levels) reads them with native_sites().
"""

from __future__ import annotations

import ctypes

NATIVE_DEPTH_LIMIT = 8000  # native levels: ~100-300 bytes of C stack each, far below the 8 MB main-thread stack

_depth = ctypes.c_int64(0)
NATIVE_DEPTH_ADDRESS = ctypes.addressof(_depth)
_sites = (ctypes.c_int64 * (NATIVE_DEPTH_LIMIT + 2))()
NATIVE_SITES_ADDRESS = ctypes.addressof(_sites)


def native_depth() -> int:
    return _depth.value


def set_native_depth(n: int):
    _depth.value = n


def set_native_site(level: int, site: int):
    _sites[level] = site


def native_sites(depth: int) -> list[int]:
    """NATIVE_SITES[0..depth], copied (the levels may be gone, or reused by another coroutine, when they are read)."""
    return _sites[:depth + 1]
