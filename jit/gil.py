"""Handing the GIL to the compile worker from native loops.

The worker makes many short llvmlite calls and must take the GIL back after each one. The interpreter gives it up
at its eval-breaker checks, but native code never checks: a program whose hot loops run natively for seconds would
starve the worker (array3d's outer loop took 0.7 s to compile instead of 0.05 s). So every loop trace's header
reads BUILDS_IN_FLIGHT (one load, normally zero); while the worker builds, or compilations wait in its queue (it
needs the GIL to take them: fasta's third loop ran natively for 4 s while its side traces waited to be taken), the
loop calls jit_gil_poll, which every POLL_EVERY calls reads the clock and, when POLL_NS have passed since its last
release, releases and retakes the GIL.

The worker also needs the GIL to start a tier-up (jit/backend/llvm/__init__.py), once the code to replace has run
often enough. Such code counts its hits, and the hit that makes it hot sets BUILDS_IN_FLIGHT too, so that the loop
running it lets the worker in: array_rw's loop had run on at the fast tier for 0.45 s, until it returned to the
interpreter. The worker keeps the flag set while a hot tier-up waits for it.

The hand-over relies on CPython's forced switching: a thread that has waited a whole switch interval for the GIL
asks for it, and the next release then waits until that thread has it. While it builds, the worker shortens the
switch interval to SWITCH_INTERVAL; POLL_NS is longer, because a waiting thread asks only when no other thread
took the GIL during its wait, and each release-and-retake counts as one.

Measured with a worker compiling nonstop next to a native loop: compilations took 55-60 ms (50 ms alone), where
without the poll none finished until the loop returned; the loop spent ~2.5 ms per compilation waiting for the GIL.
(Sleeping in the poll does not pay: a usleep(30) takes ~140 us on these machines.)
"""

from __future__ import annotations

import ctypes

SWITCH_INTERVAL = 0.0002  # seconds: the switch interval while the worker builds
POLL_EVERY = 256  # poll calls between clock reads (a power of two)
POLL_NS = 600_000  # nanoseconds between releases (three switch intervals)

_builds = ctypes.c_int64(0)
BUILDS_IN_FLIGHT_ADDRESS = ctypes.addressof(_builds)
_poll_count = ctypes.c_int64(0)
POLL_COUNT_ADDRESS = ctypes.addressof(_poll_count)
_last_poll = ctypes.c_int64(0)
LAST_POLL_ADDRESS = ctypes.addressof(_last_poll)


def set_builds_in_flight(n: int):
    """`n` builds under way (or a hot tier-up waiting, counted as one): loops poll while it is not zero."""
    _builds.value = n
