"""The LLVM backend against the reference interpreting backend on hand-written IR."""

import gc
import math
import sys

import pytest
from backend_util import BACKENDS, COUNTING_LOOP, COUNTING_SIDE, compile_text, norm, run_exit

from jit.backend.llvm import compiler
from jit.ir.values import INT64_MAX, INT64_MIN
from jit.layout import slot_offset

INTS = [0, 1, -1, 2, -2, 3, -3, 7, -7, 63, 64, 65, 1 << 40, -(1 << 40), INT64_MAX, INT64_MIN]
FLOATS = [0.0, -0.0, 1.5, -1.5, 3.0, -7.25, 1e300, -1e300, math.inf, -math.inf, math.nan, 2.0 ** 60]
INT_BINOPS = ["int_add", "int_sub", "int_mul", "int_floordiv", "int_mod", "int_and", "int_or", "int_xor",
              "int_shl", "int_lshr", "int_ashr", "int_lt", "int_le", "int_gt", "int_ge", "int_eq", "int_ne",
              "int_ult"]
FLOAT_BINOPS = ["float_add", "float_sub", "float_mul", "float_div", "float_floordiv", "float_mod", "float_pow",
                "float_min", "float_max",
                "float_lt", "float_le", "float_gt", "float_ge", "float_eq", "float_ne"]


def _binop_trace(ops, t):
    """A trace unboxing o0[0], o0[1] and leaving with every op's result in its finish snapshot."""
    lines = ["inputs(o0)", "o1 = list_getitem(o0, 0)", "o2 = list_getitem(o0, 1)"]
    unbox = f"unbox_{'int' if t == 'i' else 'float'}"
    lines += [f"{t}3 = {unbox}(o1)", f"{t}4 = {unbox}(o2)"]
    names = []
    for k, op in enumerate(ops):
        res = ("b" if op.split("_")[1] in ("lt", "le", "gt", "ge", "eq", "ne", "ult") else t) + str(10 + k)
        lines.append(f"{res} = {op}({t}3, {t}4)")
        names.append(res)
    lines.append("finish() {$None@0: " + ", ".join(names) + "}")
    return "\n".join(lines)


@pytest.mark.parametrize("t, ops, values", [("i", INT_BINOPS, INTS), ("f", FLOAT_BINOPS, FLOATS)])
def test_binops_match_reference(t, ops, values):
    text = _binop_trace(ops, t)
    ref, nat = compile_text(text, "interp"), compile_text(text, "llvm")
    for a in values:
        for b in values:
            assert run_exit(nat, [a, b]) == run_exit(ref, [a, b]), (a, b)


def test_unary_and_conversions():
    text = """inputs(o0)
o1 = list_getitem(o0, 0)
i2 = unbox_int(o1)
o3 = list_getitem(o0, 1)
f4 = unbox_float(o3)
i5 = int_neg(i2)
f6 = float_neg(f4)
f7 = int_to_float(i2)
i8 = float_to_int(f4)
b9 = int_eq(i2, 0)
b10 = bool_not(b9)
o11 = box_bool(b10)
o12 = box_int(i5)
b13 = type_is(o1, $int)
b14 = ptr_eq(o1, o3)
finish() {$None@0: i5, f6, f7, i8, b10, o11, o12, b13, b14}"""
    ref, nat = compile_text(text, "interp"), compile_text(text, "llvm")
    for a, f in [(0, 0.5), (5, -3.75), (INT64_MIN, 1e10), (1 << 35, -2.0 ** 40)]:
        assert run_exit(nat, [a, f]) == run_exit(ref, [a, f])


FLOAT_UNARY = ["float_sin", "float_cos", "float_tan", "float_asin", "float_acos", "float_exp", "float_log",
               "float_neg", "float_abs", "float_sqrt", "float_floor", "float_ceil", "float_is_int64"]


def test_float_unary_ops_match_reference():
    lines = ["inputs(o0)", "o1 = list_getitem(o0, 0)", "f2 = unbox_float(o1)"]
    names = []
    for k, op in enumerate(FLOAT_UNARY):
        res = ("b" if op == "float_is_int64" else "f") + str(10 + k)
        lines.append(f"{res} = {op}(f2)")
        names.append(res)
    lines.append("finish() {$None@0: " + ", ".join(names) + "}")
    text = "\n".join(lines)
    ref, nat = compile_text(text, "interp"), compile_text(text, "llvm")
    for f in FLOATS + [2.5, -2.5, 0.25, -0.75, 2.0 ** 63, -(2.0 ** 63), 4.0, -4.0, 1e-310]:
        assert run_exit(nat, [f]) == run_exit(ref, [f]), f


def test_big_ints_unbox_through_the_slow_path():
    text = "inputs(o0)\ni1 = unbox_int(o0)\ni2 = int_add(i1, 1)\nfinish() {$None@0: i2}"
    nat = compile_text(text, "llvm")
    for v in [0, 1, -1, (1 << 30) - 1, 1 << 30, -(1 << 30), 1 << 62, INT64_MIN, INT64_MAX - 1]:
        assert nat.entry(v)[1] == v + 1


class Obj:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a, self.b = a, b


def test_memory_ops():
    off_a, off_b = slot_offset(Obj, "a"), slot_offset(Obj, "b")
    text = f"""inputs(o0, o1, o2)
o3 = getslot(o0, {off_a})
setslot(o0, {off_b}, o3)
o4 = new_list(3)
setreg(o4, 1, o3)
list_append(o4, o0) {{$None@0: o4}}
i5 = list_len(o4)
o6 = dict_get(o1, $key)
o7 = dict_get(o1, $missing)
dict_set(o1, $missing, o4) {{$None@0: o4}}
o8 = tuple_getitem(o2, 1)
i9 = tuple_len(o2)
o10 = getreg(o4, 1)
i11 = dict_len(o1)
finish() {{$None@0: o4, i5, o6, o7, o8, i9, o10, i11}}"""
    consts = {"key": "key", "missing": "missing"}
    for backend in ("interp", "llvm"):
        tr = compile_text(text, backend, consts)
        obj, d, tup = Obj("A", "B"), {"key": 42}, (1, "two")
        r = tr.entry(obj, d, tup)
        assert obj.b == "A"
        assert r[1] == [None, "A", None, obj] and r[2:] == (4, 42, None, "two", 2, "A", 2)
        assert d["missing"] is r[1]


def test_loop_with_guard_exit():
    text = """inputs(o0)
label(o0)
o1 = getreg(o0, 0)
guard_type(o1, $int) {$None@1: o0}
i2 = unbox_int(o1)
b3 = int_lt(i2, 1000)
guard_true(b3) {$None@2: o0, i2}
i4 = int_add(i2, 3)
o5 = box_int(i4)
setreg(o0, 0, o5)
jump(o0)"""
    for backend in BACKENDS:
        tr = compile_text(text, backend)
        regs = [0]
        r = tr.entry(regs)
        assert r[0].index == 1 and r[1:] == (regs, 1002) and regs == [1002]
        regs = [1.5]
        assert tr.entry(regs)[0].index == 0


def test_label_args_loop_carried_machine_values():
    text = """inputs(o0)
o1 = getreg(o0, 0)
i2 = unbox_int(o1)
f3 = int_to_float(i2)
label(o0, i2, f3)
b4 = int_lt(i2, 100)
guard_true(b4) {$None@0: o0, i2, f3}
i5 = int_add(i2, 1)
f6 = int_to_float(i2)
f7 = float_add(f3, f6)
jump(o0, i5, f7)"""
    for backend in BACKENDS:
        tr = compile_text(text, backend)
        regs = [10]
        r = tr.entry(regs)
        assert r[1:] == (regs, 100, 10.0 + sum(range(10, 100)))


def test_refcounts_exact():
    sentinel, other = object(), object()
    text = """inputs(o0, o1)
label(o0, o1)
o2 = getreg(o0, 0)
o3 = getreg(o0, 1)
setreg(o0, 0, o3)
setreg(o0, 1, o2)
o4 = getreg(o0, 2)
i5 = unbox_int(o4)
i6 = int_sub(i5, 1)
o7 = box_int(i6)
setreg(o0, 2, o7)
o8 = call($id, o2) {$None@0: o0}
b9 = int_gt(i6, 0)
guard_true(b9) {$None@0: o0, o1, o2}
jump(o0, o1)"""
    for backend in BACKENDS:
        tr = compile_text(text, backend, {"id": id})
        before = sys.getrefcount(sentinel), sys.getrefcount(other)
        for _ in range(3):
            regs = [sentinel, other, 1001]
            r = tr.entry(regs, regs)
            assert r[1] is regs and r[3] in (sentinel, other)
            del r, regs
        assert (sys.getrefcount(sentinel), sys.getrefcount(other)) == before, backend


def boom(x):
    raise ValueError(f"boom {x}")


def test_exception_in_call_leaves_through_raise_exit():
    text = """inputs(o0)
label(o0)
o1 = getreg(o0, 0)
o2 = call($f, o1) {$None@3: o0, o1}
setreg(o0, 1, o2)
jump(o0)"""
    for backend in BACKENDS:
        tr = compile_text(text, backend, {"f": boom})
        regs = [7, None]
        r = tr.entry(regs)
        assert r[0].kind == "raise" and r[1:3] == (regs, 7)
        assert isinstance(r[3], ValueError) and r[3].args == ("boom 7",)
        assert r[3].__traceback__ is not None or backend == "interp"
        assert sys.exc_info() == (None, None, None)


def test_side_trace_attached_to_guard():
    for backend in BACKENDS:
        root = compile_text(COUNTING_LOOP, backend)
        side = compile_text(COUNTING_SIDE, backend, {"root": root}, parent=root.exits[0])
        regs = [0, 0]
        assert root.entry(regs)[0].index == 0 and regs == [100, 0]
        BACKENDS[backend].attach(root.exits[0], side)
        regs = [0, 0]
        r = root.entry(regs)
        assert r[0] is side.exits[0] and r[2] == 300 and regs == [300, 4], backend


def test_side_trace_of_a_trace_whose_exits_store_in_their_own_layouts(monkeypatch):
    """The same side trace when the root's exits store at 0..n-1 (too many operands for places of their own)."""
    from jit.backend.llvm import emit

    monkeypatch.setattr(emit, "MAX_PLACES", 0)
    test_side_trace_attached_to_guard()


def test_a_side_trace_is_attached_only_to_the_exit_it_was_compiled_for():
    """A side trace reads its inputs where its parent exit's code leaves them, so it is compiled for that exit."""
    root = compile_text(COUNTING_LOOP, "llvm")
    stray = compile_text(COUNTING_SIDE, "llvm", {"root": root})
    with pytest.raises(ValueError):
        BACKENDS["llvm"].attach(root.exits[0], stray)


def test_dropped_trace_frees_native_code():
    gc.collect()
    before = compiler.live_code_count()
    tr = compile_text("inputs(o0)\nfinish() {$None@0: o0}", "llvm")
    assert compiler.live_code_count() == before + 1
    assert norm(tr.entry(5)[1]) == norm(5)
    del tr
    gc.collect()
    assert compiler.live_code_count() == before


def test_llvm_failure_is_a_compile_error():
    from jit.backend import CompileError
    from jit.ir import OPDEFS, Op, TraceIR
    from jit.trace import Trace

    bad = Op(OPDEFS["finish"], [], snapshot=None)
    with pytest.raises((CompileError, Exception)):
        BACKENDS["llvm"].compile(Trace(TraceIR(1, [], [bad])))


def test_box_int_finds_small_ints_without_a_call():
    """box_int gives CPython's cached object for -5..256 (read from where they lie, with a new reference) and a
    new int beyond, at both ends of the small range."""
    from jit.backend.llvm import LLVMJob, helpers

    text = "inputs(o0)\ni1 = unbox_int(o0)\ni2 = int_add(i1, 0)\no3 = box_int(i2)\nfinish() {$None@0: o3}"
    tr = compile_text(text, "llvm")
    for v in (-7, -6, -5, -1, 0, 1, 255, 256, 257, 1000, 2**40, -(2**40)):
        before = sys.getrefcount(v)
        got = tr.entry(v)[1]
        assert got == v and type(got) is int
        if -5 <= v <= 256:
            assert got is v and sys.getrefcount(v) == before + 1
        del got
    if helpers._SMALL_INTS is not None:
        module = LLVMJob(BACKENDS["llvm"], tr).text
        assert "@jit_box_int" in module and "%cached" in module


def test_unbox_int_across_digit_counts():
    """unbox_int reads one- and two-digit ints inline and falls back to the C API beyond: every size round-trips."""
    tr = compile_text("inputs(o0)\ni1 = unbox_int(o0)\nfinish() {$None@0: i1}", "llvm")
    for v in (0, 1, -1, 2**30 - 1, 2**30, -(2**30), 2**31 + 5, -(2**45) + 7, 2**60 - 1, -(2**60), 2**62 + 3,
              INT64_MIN, INT64_MAX, 123456789012):
        assert tr.entry(v)[1] == v


def test_list_append_into_spare_capacity_and_by_growing():
    trace = compile_text("inputs(o0, o1)\nlist_append(o0, o1) {$None@0: o0}\nfinish() {$None@1: o0}", "llvm")
    item = object()
    for lst in ([0] * 10, []):  # a list with room (deleting keeps the capacity), and one that must grow
        del lst[5:]
        start, before = len(lst), sys.getrefcount(item)
        for k in range(3):
            trace.entry(lst, item)
            count = sys.getrefcount(item)  # before the assert, whose rewriting keeps its operands alive
            assert count == before + k + 1
            assert lst[start:] == [item] * (k + 1)
        lst.clear()
        count = sys.getrefcount(item)
        assert count == before


@pytest.mark.parametrize("text", [b"", b"a", b"hello, world", bytes(range(256))])
def test_bytes_ops_match_reference(text):
    """bytes_getbyte reads unsigned bytes, bytes_slice makes the substring (the whole string and the empty one
    included), bytes_char the one-byte string."""
    ir = """inputs(o0, o9, o10)
i1 = unbox_int(o9)
i2 = unbox_int(o10)
i3 = bytes_len(o0)
i4 = bytes_getbyte(o0, i1)
o5 = bytes_slice(o0, i1, i2) {$None@0: i3}
o6 = bytes_char(i4)
o7 = bytes_slice(o0, 0, i3) {$None@0: i3}
o8 = bytes_slice(o0, i2, i2) {$None@0: i3}
finish() {$None@0: i3, i4, o5, o6, o7, o8}"""
    for backend in BACKENDS:
        tr = compile_text(ir, backend)
        padded = text + b"\xfe"  # bytes_getbyte must have a byte to read
        for i in range(len(text) + 1):
            for j in (i, len(text)):
                r = tr.entry(padded, i, j)
                assert r[1:] == (len(padded), padded[i], padded[i:j], bytes((padded[i],)), padded, b""), (i, j)


@pytest.mark.parametrize("text", [b"", b"a", b'  "ab\\c" 12 ', bytes(range(256)), b"\xff\x80\x00 x"])
def test_bytes_scan_finds_the_first_member_or_the_end(text):
    """bytes_scan from every start (the end included) with a set and with its complement; bytes at and above 0x80
    index the table unsigned."""
    members = bytes(1 if c in b' "\\\xff' else 0 for c in range(256))
    ir = """inputs(o0, o1)
i2 = unbox_int(o1)
i3 = bytes_scan(o0, i2, $members)
i4 = bytes_scan(o0, i2, $others)
finish() {$None@0: i3, i4}"""
    others = bytes(1 - m for m in members)
    for backend in BACKENDS:
        tr = compile_text(ir, backend, {"members": members, "others": others})
        for i in range(len(text) + 1):
            want = [next((k for k in range(i, len(text)) if table[text[k]]), len(text)) for table in (members, others)]
            assert list(tr.entry(text, i)[1:]) == want, (backend, i)


def test_selects_match_reference():
    ir = """inputs(o0, o1, o2)
i3 = unbox_int(o0)
f4 = unbox_float(o1)
i5 = unbox_int(o2)
b6 = int_lt(i3, i5)
i7 = int_select(b6, i3, i5)
f8 = float_select(b6, f4, 2.5)
finish() {$None@0: i7, f8}"""
    for backend in BACKENDS:
        tr = compile_text(ir, backend)
        assert tr.entry(3, 1.5, 7)[1:] == (3, 1.5)
        assert tr.entry(9, 1.5, 7)[1:] == (7, 2.5)
