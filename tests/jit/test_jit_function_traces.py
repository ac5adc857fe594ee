"""Function traces on both backends: `ret`, native self-calls (`call_trace`), the native depth limit and its
fallback, call sites, exits that finish the call through the trace's exit handler, and errors through native levels.
"""

from __future__ import annotations

import sys

import pytest

from jit.layout import slot_offset
from jit.native_calls import NATIVE_DEPTH_LIMIT, native_depth, native_sites, set_native_depth
from tests.jit.backend_util import BACKENDS, compile_text

# sum(n) = n + sum(n - 1); the guard n > 0 fails at the bottom, where the exit handler gives the base case
SUM = """trace 1 function loc=sum
inputs(o0)
guard_type(o0, $int) {$None@0: o0}
i1 = unbox_int(o0)
b2 = int_gt(i1, 0)
guard_true(b2) {$None@1: o0}
i3 = int_sub(i1, 1)
o4 = box_int(i3)
o5 = call_trace($self, $fallback, 7, o4) {$None@2: o0}
guard_type(o5, $int) {$None@3: o0, o5}
i6 = unbox_int(o5)
i7 = int_add(i1, i6)
o8 = box_int(i7)
ret(o8)"""


def compile_function(text, backend, handler, fallback=None):
    from jit.trace import SELF_CALL

    consts = {"self": SELF_CALL, "fallback": fallback or (lambda *a: pytest.fail("fallback called"))}
    return compile_text(text, backend, consts, exit_handler=handler)


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_native_recursion_returns_and_exits_through_the_handler(backend):
    seen = []

    def handler(tup):
        ex, *live = tup
        seen.append((ex.index, live, native_depth(), native_sites(native_depth())[1:]))
        return 0  # the base case: sum(0)

    tr = compile_function(SUM, backend, handler)
    assert tr.returns and tr.entry(10) == 55
    assert native_depth() == 0
    index, live, depth, sites = seen[-1]
    assert index == 1 and live == [0]  # the guard n > 0, with n as its live value
    assert depth == 10 and sites[:10] == [7] * 10  # ten native levels, each called from call site 7
    assert tr.entry(0) == 0 and tr.entry(1) == 1


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_depth_limit_calls_the_fallback(backend):
    calls = []

    def fallback(o):
        calls.append((o, native_depth()))
        return o * (o + 1) // 2

    tr = compile_function(SUM, backend, lambda tup: 0, fallback)
    set_native_depth(NATIVE_DEPTH_LIMIT - 3)
    try:
        assert tr.entry(20) == 210
        assert native_depth() == NATIVE_DEPTH_LIMIT - 3
    finally:
        set_native_depth(0)
    assert calls == [(16, NATIVE_DEPTH_LIMIT)]  # three more native levels, then the interpreter's way


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_errors_leave_every_native_level_through_its_raise_exit(backend):
    levels = []

    def handler(tup):
        ex = tup[0]
        if ex.kind == "raise":  # a level below raised: this level re-raises where its call was
            levels.append(tup[1])
            raise tup[-1]
        raise ValueError("bottom")

    tr = compile_function(SUM, backend, handler)
    with pytest.raises(ValueError, match="bottom"):
        tr.entry(4)
    assert levels == [1, 2, 3, 4]  # innermost first: each level saw the error at its own call
    assert native_depth() == 0
    assert sys.exc_info() == (None, None, None)


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_function_trace_refcounts_exact(backend):
    token = object()
    text = """trace 1 function loc=ident
inputs(o0, o1)
guard_is_not(o1, $None) {$None@0: o0, o1}
o2 = call_trace($self, $fallback, 1, o0, $None) {$None@1: o0, o1}
ret(o0)"""
    tr = compile_function(text, backend, lambda tup: tup[1])
    before = sys.getrefcount(token)
    for _ in range(5):
        assert tr.entry(token, 1) is token
        assert tr.entry(token, None) is token
    assert sys.getrefcount(token) == before


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_new_object_and_dict(backend):
    class Box:
        __slots__ = ("a", "b")

    text = f"""inputs(o0)
o1 = new_object($Box)
o2 = new_dict()
setslot(o1, {slot_offset(Box, "a")}, o2)
setslot(o1, {slot_offset(Box, "b")}, o0)
finish() {{$None@0: o1, o2}}"""
    tr = compile_text(text, backend, {"Box": Box})
    r = tr.entry("payload")
    box, d = r[1], r[2]
    assert type(box) is Box and box.a is d and d == {} and box.b == "payload"
    assert sys.getrefcount(d) == 4  # the tuple, the slot, `d`, getrefcount's argument
