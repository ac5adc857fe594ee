"""Nested execution: traces that call into new interpreter activations which trace, run and deoptimise their own
traces while the outer trace is live (yk's meta_framegap crash shape), checked through the YKD_LOG event stream."""

import pytest
from toy_util import events, make, names
from toyvm import Func, ToyError

JITCS = ["none", "interp", "llvm"]


def counting_loop(name, extra=()):
    """name(x): sum of 0..x-1, with `extra` instructions run each iteration (they may use r5, r6)."""
    body = [("add", 1, 1, 2), *extra, ("add", 2, 2, 3)]
    n = len(body)
    return Func(name, 8, [
        ("k", 1, 0), ("k", 2, 0), ("k", 3, 1),
        ("loop",),  # 3
        ("lt", 4, 2, 0), ("jf", 4, 7 + n),
        *body,
        ("jmp", 3),
        ("ret", 1),  # 7 + n
    ])


def outer_loop(callback_reg=6):
    """main(_, _, n, _, _, _, cb): sum of cb(i) for i in 0..n-1."""
    return Func("main", 8, [
        ("k", 0, 0), ("k", 1, 0), ("k", 3, 1),
        ("loop",),  # 3
        ("lt", 4, 1, 2), ("jf", 4, 10),
        ("pycall", 5, callback_reg, (1,)),  # 6
        ("add", 0, 0, 5), ("add", 1, 1, 3),
        ("jmp", 3),
        ("ret", 0),  # 10
    ])


def framegap_program(bound):
    funcs = [outer_loop(), counting_loop("inner")]

    def run(it, n):
        def metamethod(i):  # like an __add metamethod that loops only past a bound
            return it.run("inner", i) if i > bound else i
        return it.run("main", None, None, n, None, None, None, metamethod)

    return funcs, run


def expected_framegap(n, bound):
    return sum(sum(range(i)) if i > bound else i for i in range(n))


def first_index(evs, pred, start=0):
    for k in range(start, len(evs)):
        if pred(*evs[k]):
            return k
    raise AssertionError("event not found")


@pytest.mark.parametrize("jitc", JITCS)
def test_meta_framegap(jitc, tmp_path):
    funcs, run = framegap_program(bound=20)
    it = make(funcs, tmp_path, jitc)
    assert run(it, 40) == expected_framegap(40, 20)
    assert it.ts.depth == 1
    if jitc == "none":
        return
    evs = events(it)
    outer = names(evs, "trace-compiled")[0]["trid"]
    inner = names(evs, "trace-compiled")[1]["trid"]
    # the inner trace runs inside the outer one ...
    k = first_index(evs, lambda e, f: e == "enter-jit-code" and f["stack"] == [outer, inner])
    # ... deopts while the outer one is live, then the outer trace's own guard fails and is found in the outer trace
    k = first_index(evs, lambda e, f: e == "deoptimise" and f["trid"] == inner and f["stack"] == [outer, inner], k)
    first_index(evs, lambda e, f: e == "deoptimise" and f["trid"] == outer and f["stack"] == [outer], k)
    assert names(evs, "deoptimise")[-1] == {"trid": outer, "loc": "main:3", "gidx": 2, "stack": [outer]}


@pytest.mark.parametrize("jitc", JITCS)
def test_three_activations_deep_with_type_changes(jitc, tmp_path):
    inner = counting_loop("inner")
    # mid(x): loops x times calling cb2(j) (in r7) and adding the result; mid's loop is itself called from main's
    mid = Func("mid", 9, [
        ("k", 1, 0), ("k", 2, 0), ("k", 3, 1),
        ("loop",),  # 3
        ("lt", 4, 2, 0), ("jf", 4, 10),
        ("pycall", 5, 7, (2,)),
        ("add", 1, 1, 5), ("add", 2, 2, 3),
        ("jmp", 3),
        ("ret", 1),  # 10
    ])
    main = outer_loop()
    it = make([main, mid, inner], tmp_path, jitc)

    def cb2(j):  # innermost activation; returns a float now and then: type guards fail mid-loop
        r = it.run("inner", j)
        return r + 0.5 if j % 4 == 3 else r

    def cb1(i):
        return it.run("mid", i, None, None, None, None, None, None, cb2)

    n = 12
    result = it.run("main", None, None, n, None, None, None, cb1)

    def ref_mid(i):
        return sum(sum(range(j)) + (0.5 if j % 4 == 3 else 0) for j in range(i))

    assert result == sum(ref_mid(i) for i in range(n))
    assert it.ts.depth == 1
    if jitc != "none":
        evs = events(it)
        stacks = [f["stack"] for f in names(evs, "enter-jit-code")]
        assert max(len(s) for s in stacks) == 3
        assert len({tuple(s) for s in stacks if len(s) == 3}) >= 1
        assert it.mt.stats.counts["deopts"] == len(names(evs, "deoptimise"))


def boom_at(limit):
    def check(x):
        if x >= limit:
            raise ToyError(f"too big: {x}")
        return x
    return check


@pytest.mark.parametrize("jitc", JITCS)
def test_error_in_nested_activation_crosses_live_traces(jitc, tmp_path):
    # inner(x, ...) calls check(i) each iteration; check raises once i reaches 25 - inside inner's trace, which
    # runs inside main's trace; a pcall outside main's loop catches it
    inner = counting_loop("inner", extra=[("pycall", 5, 6, (2,))])
    main = outer_loop()
    top = Func("top", 4, [("pcall", 1, 0, (2,)), ("ret", 1)])
    it = make([main, inner, top], tmp_path, jitc)
    check = boom_at(25)

    def metamethod(i):
        return it.run("inner", i, None, None, None, None, None, check)

    def run_main(n):
        return it.run("main", None, None, n, None, None, None, metamethod)

    ok, err = it.run("top", run_main, None, 40)
    assert not ok and str(err) == "too big: 25" and err.where == ("inner", 7)
    assert it.ts.depth == 1
    # the interpreter still works, and so does the JIT
    assert run_main(20) == sum(sum(range(i)) for i in range(20))
    if jitc != "none":
        evs = events(it)
        raised = [f for f in names(evs, "deoptimise") if len(f["stack"]) == 2]
        assert raised, "an inner trace left through an exit while the outer trace was live"


def test_stack_check_catches_an_unbalanced_activation(tmp_path):
    from jit.thread_state import JitStateError

    funcs, run = framegap_program(bound=5)
    it = make(funcs, tmp_path)
    real_run = it.run

    def leaky(name, *args):
        if name == "inner":
            it.ts.push_executing(type("T", (), {"trid": 999})())
        return real_run(name, *args)

    it.run = leaky
    with pytest.raises(JitStateError):
        run(it, 10)
