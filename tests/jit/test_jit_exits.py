"""Exits share the ends of their work (jit/backend/llvm/exits.py): exits whose increfs, stores and decrefs end alike
jump into one copy of that end. Every exit must still hand over its own live values, in its own layout, with the
right references, and a raising exit its exception."""

import sys

from backend_util import BACKENDS, compile_text, norm, run_exit

from jit.backend.llvm import LLVMJob

GUARDS = 12


def many_guards() -> str:
    """A trace whose guards k = 0..GUARDS-1 fail when i1 == k: each keeps o0 (borrowed: a register read) and the
    input list, and adds its own count i(10+k); every other one lists them in another order."""
    lines = ["inputs(o0, o3)", "i1 = unbox_int(o3)", "o2 = getreg(o0, 0)"]
    for k in range(GUARDS):
        lines.append(f"i{10 + k} = int_add(i1, {100 * k})")
        lines.append(f"b{40 + k} = int_ne(i1, {k})")
        live = f"o2, o0, i{10 + k}" if k % 2 else f"i{10 + k}, o0, o2"
        lines.append(f"guard_true(b{40 + k}) {{$None@{k}: {live}}}")
    lines.append("finish() {$None@99: o0, o2}")
    return "\n".join(lines)


def test_each_exit_hands_over_its_own_values_with_shared_code():
    text = many_guards()
    payload = object()

    def run_every_exit(trace, backend):
        for k in range(GUARDS):
            regs = [payload]
            index, values = run_exit(trace, regs, k)
            mine = ("int", k + 100 * k)
            want = [norm(payload), norm(regs), mine] if k % 2 else [mine, norm(regs), norm(payload)]
            assert (index, values) == (k, want), (backend, k)
        assert run_exit(trace, [payload], GUARDS)[0] == GUARDS

    for backend in BACKENDS:
        trace = compile_text(text, backend)
        before = sys.getrefcount(payload)
        run_every_exit(trace, backend)
        assert sys.getrefcount(payload) == before, backend


def test_exits_of_a_trace_with_too_many_operands_for_places_hand_over_in_their_own_layouts(monkeypatch):
    """When the exits' operands would not fit at places of their own, each exit stores its values at 0..n-1 and
    increfs and decrefs itself: the values, the references and a side trace's inputs come out the same."""
    from jit.backend.llvm import emit

    monkeypatch.setattr(emit, "MAX_PLACES", 0)
    test_each_exit_hands_over_its_own_values_with_shared_code()
    trace = compile_text(many_guards(), "llvm")
    text = LLVMJob(BACKENDS["llvm"], trace).text
    assert "@jit_gather" not in text and all(ex.places is None for ex in trace.exits)


def test_exits_with_the_same_values_store_them_once():
    """The exits that list o0 and o2 at the same places share those stores: the module stores each of them at most
    once per layout, not once per exit."""
    trace = compile_text(many_guards(), "llvm")
    text = LLVMJob(BACKENDS["llvm"], trace).text
    stores_of_input = [line for line in text.splitlines() if line.strip().startswith("store ptr %in0,")]
    assert 1 <= len(stores_of_input) <= 2, stores_of_input


def test_exits_store_each_value_at_one_place_whatever_their_layouts():
    """Every exit stores a value at the same place of the buffer (its place for the whole trace), however the exits
    order their values or whatever they list before it, so that exits whose layouts differ share those stores too;
    `leave` puts each exit's values in its own layout. Half the exits here list o2 first, half last."""
    trace = compile_text(many_guards(), "llvm")
    text = LLVMJob(BACKENDS["llvm"], trace).text
    places: dict[str, set] = {}
    for line in text.splitlines():
        words = line.split()
        if words[:1] == ["store"] and "inttoptr" in line:
            places.setdefault(words[2].rstrip(","), set()).add(line.split("ptr inttoptr")[1])
    assert places and all(len(p) == 1 for p in places.values()), places
    stores = sum(1 for line in text.splitlines() if line.strip().startswith("store ptr %in0,"))
    assert stores == 1, stores


def test_exit_blocks_only_store_and_leave_takes_the_references():
    """An exit's own code is stores (its number, its values, the references it drops) and branches: the increfs of
    borrowed values and the decrefs run once, in `leave`, from the exit's lists of places (and the references still
    balance: test_each_exit_hands_over_its_own_values_with_shared_code)."""
    trace = compile_text(many_guards(), "llvm")
    text = LLVMJob(BACKENDS["llvm"], trace).text
    body = text.split("\nleave:")[0]
    exit_code = [line.strip() for block in body.split("\nfail")[1:] for line in block.splitlines()[1:]]
    assert exit_code and all(line.startswith(("store ", "br ")) or line.endswith(":") for line in exit_code), exit_code
    assert "@jit_incref_places" in text and "@jit_decref_places" in text


def boom(x):
    raise ValueError(f"boom {x}")


def test_raising_and_guard_exits_share_leave():
    text = """inputs(o0, o4)
i1 = unbox_int(o4)
b2 = int_ne(i1, 0)
guard_true(b2) {$None@0: o0, i1}
o3 = call($boom, o0) {$None@1: o0, i1}
finish() {$None@2: o0}"""
    for backend in BACKENDS:
        trace = compile_text(text, backend, {"boom": boom})
        assert run_exit(trace, "x", 0)[0] == 0
        r = trace.entry("y", 1)
        assert r[0].index == 1 and isinstance(r[-1], ValueError) and r[-1].args == ("boom y",), backend
