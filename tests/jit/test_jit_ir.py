"""IR text round-trips, the parser's errors and the verifier."""

import pytest

from jit.ir import OPDEFS, OPS, Const, Op, Snapshot, TraceIR, const_of
from jit.ir.parser import ParseError, parse_trace
from jit.ir.printer import format_trace
from jit.ir.verify import VerifyError, verify

LOOP = """\
trace 7 root loc=toy:4
inputs(o0)
label(o0) @ toy:4
o1 = getslot(o0, 24) @ toy:4
o2 = getreg(o1, 0) @ toy:5
guard_type(o2, $float) {$main@5: o0} @ toy:5
f3 = unbox_float(o2) @ toy:5
f4 = float_add(f3, 1.5) @ toy:5
f5 = float_mul(f4, -inf)
i6 = float_to_int(f5)
b7 = int_lt(i6, -3)
guard_false(b7) {$main@6: o0 ; $callee@2: o1, 3 | o1[0]=f4, o1[1]=true} @ toy:6
o8 = box_float(f4)
o9 = call($print, o8, o1) {$main@7: o0} @ toy:7
setreg(o1, 0, o8) @ toy:7
jump(o0)
"""
CONSTS = {"main": "main-func", "callee": "callee-func", "print": print}


def test_roundtrip():
    ir = parse_trace(LOOP, CONSTS)
    verify(ir)
    assert format_trace(ir, _names()) == LOOP
    assert ir.trid == 7 and ir.loc == "toy:4" and len(ir.snapshot_ops()) == 3


def _names():
    from jit.ir.names import ConstNames

    return ConstNames(CONSTS)


def test_snapshot_live_values_order_and_dedup():
    ir = parse_trace(LOOP, CONSTS)
    guard = ir.snapshot_ops()[1]
    live = guard.snapshot.live_values()
    assert len(live) == 3 and live[0] is ir.inputs[0]  # o0, o1, f4 (constants and repeats left out)


def test_unknown_constants_are_named_in_comments():
    ir = parse_trace(LOOP, CONSTS)
    text = format_trace(ir)
    assert "$k0" in text and "# $k0 = 'main-func'" in text


def test_every_op_declared_once_with_valid_signature():
    names = [o[0] for o in OPS]
    assert len(names) == len(set(names))
    for d in OPDEFS.values():
        assert set(d.fixed_args.lower()) <= set("ifbo") and d.result in "ifbov"
        assert not (d.is_guard and d.result != "v")


@pytest.mark.parametrize("text, words", [
    ("inputs(o0)\nfoo(o0)", "unknown op foo"),
    ("inputs(o0)\ni1 = int_add(i9, 1)", "undefined value i9"),
    ("inputs(o0)\nf1 = int_add(1, 2)", "type letter"),
    ("inputs(o0)\nint_add(1, 2)", "result name missing"),
    ("inputs(o0)\nguard_true(true) {$nope@1: o0}", "unknown constant $nope"),
    ("inputs(x0)", "bad input name"),
])
def test_parse_errors(text, words):
    with pytest.raises((ParseError, KeyError)) as info:
        parse_trace(text)
    assert words in str(info.value)


@pytest.mark.parametrize("text, words", [
    ("inputs(o0)\nlabel(o0)\ni1 = int_add(1, 2)", "not terminated"),
    ("inputs(o0)\njump(o0)", "jump without label"),
    ("inputs(o0)\nlabel(o0)\ni1 = int_add(o0, 2)\njump(o0)", "argument 0 has type o"),
    ("inputs(o0, i1)\nlabel(o0)\njump(i1)", "do not match"),
    ("inputs(o0)\nlabel(o0)\nguard_true(true)\njump(o0)", "snapshot missing"),
    ("inputs(o0)\nlabel(o0)\nlabel(o0)\njump(o0)", "second label"),
    ("inputs(o0)\nlabel(o0, o0)\njump(o0, o0)", "distinct"),
    ("inputs(o0, i1)\nlabel(o0)\no2 = getslot(o0, i1)\njump(o0)", "must be a constant"),
])
def test_verifier_rejects(text, words):
    ir = parse_trace(text)
    with pytest.raises(VerifyError) as info:
        verify(ir)
    assert words in str(info.value)


def test_verifier_rejects_use_before_def_built_by_hand():
    a = Op(OPDEFS["int_add"], [const_of(1), const_of(2)])
    b = Op(OPDEFS["int_add"], [a, const_of(1)])
    jump = Op(OPDEFS["finish"], [], snapshot=Snapshot([]))
    with pytest.raises(VerifyError, match="not defined"):
        verify(TraceIR(1, [], [b, a, jump]))
    verify(TraceIR(1, [], [a, b, jump]))


def test_const_keys():
    assert Const("f", 0.0).key() != Const("f", -0.0).key()
    assert const_of(True).type == "b" and const_of(3).type == "i" and const_of("s").type == "o"
    assert const_of(1 << 63).value == -(1 << 63)
