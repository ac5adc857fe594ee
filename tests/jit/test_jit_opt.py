"""The optimiser passes on hand-written IR: what each removes or moves, and that the optimised trace computes what the
original computes (run on the LLVM backend, exits compared)."""

from backend_util import BACKENDS, norm

from jit.ir.parser import parse_trace
from jit.ir.verify import verify
from jit.opt import optimise
from jit.opt.cse import cse
from jit.opt.dce import dce
from jit.opt.fold import fold
from jit.opt.forward import forward
from jit.opt.licm import licm
from jit.resume import decode
from jit.trace import Trace


def names(ir):
    return [op.opdef.name for op in ir.ops]


def run(ir, *inputs):
    verify(ir)
    trace = Trace(ir)
    BACKENDS["llvm"].compile(trace)
    r = trace.entry(*inputs)
    frames, exc = decode(r[0], r)
    return r[0].snapshot.frames[-1].pc, [norm(x) for f in frames for x in f.values], exc


def test_fold_division_by_one_and_by_powers_of_two():
    """x // 1 and x % 1 go; x // 8 and x % 16 become a shift and a mask, x * 1.0 and x / 1.0 go: the same results
    on both backends, negative numbers included."""
    text = """inputs(o0)
o1 = getreg(o0, 0)
i2 = unbox_int(o1)
i3 = int_floordiv(i2, 1)
i4 = int_mod(i3, 1)
i5 = int_floordiv(i2, 8)
i6 = int_mod(i2, 16)
i7 = int_add(i5, i6)
i8 = int_add(i7, i4)
f9 = int_to_float(i8)
f10 = float_mul(f9, 1.0)
f11 = float_div(f10, 1.0)
finish() {$None@1: i5, i6, f11}"""
    ir = fold(parse_trace(text))
    assert names(ir) == ["getreg", "unbox_int", "int_ashr", "int_and", "int_add", "int_to_float", "finish"]
    from backend_util import compile_text

    variable = text.replace("int_floordiv(i2, 8)", "int_floordiv(i2, i2)").replace("int_mod(i2, 16)", "int_mod(i2, i2)")
    assert names(fold(parse_trace(variable)))[2:4] == ["int_floordiv", "int_mod"]  # not constants: kept as they are
    plain, folded = compile_text(text, "interp"), Trace(ir)
    BACKENDS["llvm"].compile(folded)
    for x in (-37, -8, -1, 0, 5, 8, 123456789):
        assert folded.entry([x])[1:] == plain.entry([x])[1:] == (x // 8, x % 16, float(x // 8 + x % 16))


def test_fold_constants_and_identities():
    ir = fold(parse_trace("""inputs(o0)
o1 = getreg(o0, 0)
i2 = unbox_int(o1)
i3 = int_add(2, 3)
i4 = int_mul(i2, i3)
i5 = int_add(i4, 0)
i6 = int_mul(i5, 1)
b7 = int_lt(1, 2)
guard_true(b7) {$None@0: o0}
finish() {$None@1: i6}"""))
    assert names(ir) == ["getreg", "unbox_int", "int_mul", "finish"]
    assert ir.ops[2].args[1].value == 5
    assert ir.ops[-1].snapshot.frames[0].values[0] is ir.ops[2]


def test_cse_reuses_pure_ops_and_drops_repeated_guards():
    ir = cse(parse_trace("""inputs(o0)
o1 = getreg(o0, 0)
guard_type(o1, $int) {$None@0: o0}
i2 = unbox_int(o1)
guard_type(o1, $int) {$None@1: o0}
i3 = unbox_int(o1)
i4 = int_add(i2, i3)
i5 = int_add(i2, i3)
i6 = int_mul(i4, i5)
finish() {$None@2: i6}"""))
    assert names(ir) == ["getreg", "guard_type", "unbox_int", "int_add", "int_mul", "finish"]
    mul = ir.ops[4]
    assert mul.args[0] is mul.args[1] is ir.ops[3]


def test_forward_stores_to_loads_until_a_call():
    text = """inputs(o0, o1)
o2 = getreg(o0, 0)
setreg(o0, 1, o2)
o3 = getreg(o0, 1)
o4 = getreg(o0, 0)
o5 = dict_get(o1, $k)
o6 = call($id, o1) {$None@0: o0}
o7 = dict_get(o1, $k)
o8 = getreg(o0, 1)
finish() {$None@1: o3, o4, o5, o7, o8}"""
    ir = forward(parse_trace(text, {"k": "k", "id": id}))
    assert names(ir).count("getreg") == 1 and names(ir).count("dict_get") == 2
    fin = ir.ops[-1].snapshot.frames[0].values
    assert fin[0] is fin[1] is fin[4] is ir.ops[0]
    original = parse_trace(text, {"k": "k", "id": id})
    d = {"k": "v"}
    assert run(ir, ["a", "b"], d) == run(original, ["a", "b"], d)


def test_licm_hoists_invariant_loads_and_guards_with_the_entry_snapshot():
    ir = licm(parse_trace("""inputs(o0, o1)
o2 = getreg(o0, 0)
guard_type(o2, $int) {$None@0: o0}
i3 = unbox_int(o2)
label(i3)
o4 = dict_get(o1, $k)
guard_is_not(o4, $None) {$None@1: o0, i3}
i5 = dict_len(o1)
i6 = int_add(i3, i5)
b7 = int_lt(i6, 100)
guard_true(b7) {$None@2: o0, i6}
jump(i6)""", {"k": "k"}))
    label = names(ir).index("label")
    assert names(ir)[:label] == ["getreg", "guard_type", "unbox_int", "dict_get", "guard_is_not", "dict_len"]
    assert ir.ops[4].snapshot is ir.ops[1].snapshot  # the entry snapshot
    assert names(ir)[label + 1:] == ["int_add", "int_lt", "guard_true", "jump"]


def test_licm_keeps_loads_that_the_loop_may_change():
    ir = licm(parse_trace("""inputs(o0, o1)
o2 = getreg(o0, 0)
guard_type(o2, $int) {$None@0: o0}
label(o2)
o3 = dict_get(o1, $k)
dict_set(o1, $k, o2) {$None@1: o0}
i4 = list_len(o0)
jump(o3)""", {"k": "k"}))
    label = names(ir).index("label")
    assert "dict_get" in names(ir)[label:] and "list_len" in names(ir)[:label]


def test_dce_removes_unused_pure_ops_and_loads_but_not_effects():
    ir = dce(parse_trace("""inputs(o0)
o1 = getreg(o0, 0)
i2 = unbox_int(o1)
i3 = int_add(i2, 1)
o4 = box_int(i3)
setreg(o0, 1, o1)
o5 = getreg(o0, 2)
finish() {$None@0: o0}"""))
    assert names(ir) == ["getreg", "setreg", "finish"]


def test_the_pipeline_preserves_what_a_loop_computes():
    text = """inputs(o0)
guard_type(o0, $list) {$None@9: o0}
label(o0)
o2 = getreg(o0, 0)
guard_type(o2, $int) {$None@0: o0}
i3 = unbox_int(o2)
o4 = getreg(o0, 1)
guard_type(o4, $int) {$None@1: o0}
i5 = unbox_int(o4)
i6 = int_add(i3, i5)
i7 = int_add(i3, i5)
i8 = int_mul(i6, 1)
b9 = int_lt(i8, 1000)
guard_true(b9) {$None@2: o0, i8}
o10 = box_int(i7)
setreg(o0, 0, o10)
jump(o0)"""
    regs1, regs2 = [1, 7], [1, 7]
    consts = {"list": list}
    plain = run(parse_trace(text, consts), regs1)
    optimised = optimise(parse_trace(text, consts))
    assert len(optimised.ops) < len(parse_trace(text, consts).ops)
    assert run(optimised, regs2) == plain and regs1 == regs2 == [995, 7]


FLOAT_STORE_LOOP = """inputs(o0, o1)
label(o0, o1)
o2 = list_getitem(o0, 0)
guard_type(o2, $float) {$None@0: o0, o1}
f3 = unbox_float(o2)
f4 = float_add(f3, 1.5)
o5 = box_float(f4)
list_setitem(o0, 0, o5)
o6 = dict_get(o1, $key)
guard_type(o6, $float) {$None@1: o0, o1}
f7 = unbox_float(o6)
f8 = float_mul(f7, 2.0)
o9 = box_float(f8)
dict_set(o1, $key, o9) {$None@2: o0, o1}
b10 = float_lt(f4, 10.0)
guard_true(b10) {$None@3: o0, o1}
jump(o0, o1)"""


def test_number_stores_store_machine_floats_and_reuse_unshared_floats():
    consts = {"key": "k"}
    ir = optimise(parse_trace(FLOAT_STORE_LOOP, consts))
    assert "list_setitem_float" in names(ir) and "dict_set_float" in names(ir)
    assert "box_float" not in names(ir)
    lst, d = [float(1000) + 0.5], {"k": float(1000) + 0.25}  # fresh objects that only the containers refer to
    lst[0] -= 1000.0
    d["k"] -= 1000.0
    first_item, first_value = id(lst[0]), id(d["k"])
    pc, _values, _exc = run(ir, lst, d)
    assert pc == 3 and lst == [11.0] and d == {"k": 0.25 * 2 ** 7}
    # nothing else referred to the floats, so the loop overwrote them in place instead of allocating
    assert id(lst[0]) == first_item and id(d["k"]) == first_value


def test_number_stores_never_overwrite_a_float_someone_else_holds():
    consts = {"key": "k"}
    ir = optimise(parse_trace(FLOAT_STORE_LOOP, consts))
    shared = 1.5 + float(len("x"))  # 2.5, held by this test and by both containers
    lst, d = [shared], {"k": shared}
    run(ir, lst, d)
    assert shared == 2.5 and lst == [10.0] and d["k"] == 2.5 * 2 ** 5


def test_cse_knows_what_a_box_holds():
    ir = cse(parse_trace("""inputs(o0)
o1 = getreg(o0, 0)
guard_type(o1, $float) {$None@0: o0}
f2 = unbox_float(o1)
f3 = float_add(f2, 1.0)
o4 = box_float(f3)
guard_type(o4, $float) {$None@1: o0}
f5 = unbox_float(o4)
i6 = int_add(2, 3)
o7 = box_int(i6)
guard_type(o7, $int) {$None@2: o0}
i8 = unbox_int(o7)
finish() {$None@3: f5, i8}"""))
    assert names(ir) == ["getreg", "guard_type", "unbox_float", "float_add", "box_float", "int_add", "box_int",
                         "finish"]
    assert ir.ops[-1].snapshot.frames[0].values == [ir.ops[3], ir.ops[5]]


def test_cse_drops_an_identity_guard_that_a_known_type_decides():
    ir = cse(parse_trace("""inputs(o0)
o1 = getreg(o0, 0)
guard_type(o1, $float) {$None@0: o0}
guard_is_not(o1, $None) {$None@1: o0}
o2 = getreg(o0, 1)
guard_is_not(o2, $None) {$None@2: o0}
o3 = box_int(7)
guard_is_not(o3, $None) {$None@3: o0}
guard_is_not(o1, $one_and_a_half) {$None@4: o0}
finish() {$None@5: o1, o2, o3}""", {"one_and_a_half": 1.5}))
    # a float is never None; o2's type is unknown; a float may still be the float 1.5
    assert names(ir) == ["getreg", "guard_type", "getreg", "guard_is_not", "box_int", "guard_is_not", "finish"]
    assert ir.ops[3].args[0] is ir.ops[2] and ir.ops[5].args[1].value == 1.5


INT_STORE_LOOP = """inputs(o0, o1)
label(o0, o1)
o2 = list_getitem(o0, 0)
guard_type(o2, $int) {$None@0: o0, o1}
i3 = unbox_int(o2)
i4 = int_mul(i3, -3)
o5 = box_int(i4)
list_setitem(o0, 0, o5)
o6 = dict_get(o1, $key)
guard_type(o6, $int) {$None@1: o0, o1}
i7 = unbox_int(o6)
i8 = int_add(i7, 1000)
o9 = box_int(i8)
dict_set(o1, $key, o9) {$None@2: o0, o1}
b10 = int_lt(i8, 4000000)
guard_true(b10) {$None@3: o0, o1}
jump(o0, o1)"""


def _run_on(backend, ir, *inputs):
    trace = Trace(ir)
    BACKENDS[backend].compile(trace)
    return trace.entry(*inputs)[0].snapshot.frames[-1].pc


def test_number_stores_of_ints_match_the_reference_across_digit_and_sign_changes():
    text = INT_STORE_LOOP
    results = {}
    for backend in ("interp", "llvm"):
        ir = optimise(parse_trace(text, {"key": "k"}))
        assert "list_setitem_int" in names(ir) and "dict_set_int" in names(ir) and "box_int" not in names(ir)
        lst, d = [int("1001")], {"k": int("-3000000")}  # fresh one-digit objects only the containers hold
        pc = _run_on(backend, ir, lst, d)
        results[backend] = (pc, lst, d)
    # the list item grows past 2^30 and 2^63 (wrapping) with alternating signs; the dict value crosses zero
    assert results["llvm"] == results["interp"]
    assert results["llvm"][2] == {"k": 4000000}


def test_number_stores_reuse_an_unshared_int():
    ir = optimise(parse_trace("""inputs(o0)
label(o0)
o1 = dict_get(o0, $key)
guard_type(o1, $int) {$None@0: o0}
i2 = unbox_int(o1)
i3 = int_sub(i2, 7)
o4 = box_int(i3)
dict_set(o0, $key, o4) {$None@1: o0}
b5 = int_gt(i3, 99965)
guard_true(b5) {$None@2: o0}
jump(o0)""", {"key": "k"}))
    d = {"k": int("100000")}
    first = id(d["k"])
    _run_on("llvm", ir, d)
    assert d == {"k": 99965} and id(d["k"]) == first  # five stores, all into the same object


def test_dict_items_under_different_constant_keys_do_not_alias():
    text = """inputs(o0, o1, o2)
o3 = dict_get(o0, $a)
o4 = dict_get(o0, $b)
dict_set(o1, $b, o2) {$None@0: o0}
o5 = dict_get(o0, $a)
o6 = dict_get(o0, $b)
i7 = dict_len(o0)
dict_set(o1, o2, o2) {$None@1: o0}
o8 = dict_get(o0, $a)
i9 = dict_len(o0)
finish() {$None@2: o3, o4, o5, o6, o8, i7, i9}"""
    consts = {"a": b"a", "b": b"b"}
    ir = forward(parse_trace(text, consts))
    fin = ir.ops[-1].snapshot.frames[0].values
    # a store under key b leaves what key a holds; a store under a key the trace cannot see changes anything
    assert fin[2] is fin[0] and fin[3] is not fin[1] and fin[4] is not fin[0] and fin[6] is not fin[5]
    for same in (True, False):  # the store target is the loaded dict itself, or another one
        d1, d2 = {b"a": 1, b"b": 2}, {b"a": 1, b"b": 2}
        o1, o2 = (d1, d2) if same else ({}, {})
        assert run(ir, d1, o1, b"a") == run(parse_trace(text, consts), d2, o2, b"a")
        assert d1 == d2


def test_licm_hoists_a_constant_key_load_past_stores_under_other_keys():
    ir = licm(parse_trace("""inputs(o0, o1)
guard_type(o0, $dict) {$None@9: o0, o1}
label(o1)
o2 = dict_get(o0, $m)
guard_is_not(o2, $None) {$None@0: o0, o1}
o3 = dict_get(o1, $x)
guard_type(o3, $int) {$None@1: o0, o1}
i4 = unbox_int(o3)
i5 = int_add(i4, 1)
o6 = box_int(i5)
dict_set(o1, $x, o6) {$None@2: o0, o1}
b7 = int_lt(i5, 10)
guard_true(b7) {$None@3: o0, o1}
jump(o1)""", {"m": b"m", "x": b"x", "dict": dict}))
    label = names(ir).index("label")
    assert names(ir)[:label].count("dict_get") == 1 and names(ir)[label:].count("dict_get") == 1


DICT_TYPES = """inputs(o0, o1, o2)
o3 = dict_get(o0, $x)
guard_type(o3, $float) {$None@0: o0}
f4 = unbox_float(o3)
f5 = float_add(f4, 1.0)
o6 = box_float(f5)
dict_set(o1, $x, o6) {$None@1: o0}
o7 = dict_get(o0, $x)
guard_type(o7, $float) {$None@2: o0}
f8 = unbox_float(o7)
dict_set(o1, $x, o2) {$None@3: o0}
o9 = dict_get(o0, $x)
guard_type(o9, $float) {$None@4: o0}
f10 = unbox_float(o9)
finish() {$None@5: f4, f8, f10}"""


def test_cse_knows_the_type_a_dict_holds_until_a_store_of_another_type():
    ir = cse(parse_trace(DICT_TYPES, {"x": b"x"}))
    guards = [op.args[0] for op in ir.ops if op.opdef.name == "guard_type"]
    # the second read needs no guard (whichever dict o1 is, it stored a float under x); the third does (o2 may be
    # anything)
    assert len(guards) == 2 and guards[0] is ir.ops[0] and guards[1].opdef.name == "dict_get"
    for same in (True, False):  # o1 is o0, or another dict
        for stored in (2.5, "not a float"):
            results = []
            for optimised in (False, True):
                trace_ir = parse_trace(DICT_TYPES, {"x": b"x"})
                d0 = {b"x": 1.0}
                results.append(run(optimise(trace_ir) if optimised else trace_ir, d0, d0 if same else {}, stored))
            assert results[0] == results[1]


LOAD_THEN_STORE = """inputs(o0, o1, o2)
o3 = dict_get(o0, $x)
guard_type(o3, $float) {$None@0: o0}
f4 = unbox_float(o3)
f5 = float_add(f4, 1.0)
o6 = box_float(f5)
dict_set(o0, $x, o6) {$None@1: o0}
o7 = dict_get(o0, $y)
o8 = box_float(2.0)
dict_set(o1, $y, o8) {$None@2: o0}
o9 = box_float(3.0)
dict_set(o0, $y, o9) {$None@3: o0}
o10 = dict_get(o0, $z)
o11 = call(o2) {$None@4: o0}
o12 = box_float(4.0)
dict_set(o0, $z, o12) {$None@4: o0}
finish() {$None@5: o0, o7, o10}"""


def test_a_dict_number_store_reuses_the_item_the_trace_just_read():
    from jit.opt.number_stores import number_stores

    consts = {"x": b"x", "y": b"y", "z": b"z"}
    ir = number_stores(parse_trace(LOAD_THEN_STORE, consts))
    stores = [op for op in ir.ops if op.opdef.name == "dict_set_float"]
    loads = [op for op in ir.ops if op.opdef.name == "dict_get"]
    # x: read, then stored: the store is given what it read. y: a store under y into another dict (maybe the same)
    # comes between; z: a call comes between. Those look the key up again.
    assert [len(s.args) for s in stores] == [4, 3, 3, 3] and stores[0].args[3] is loads[0]
    for aliased in (False, True):
        d = {b"x": float(len("ab")) + 0.5, b"y": 1.0, b"z": 7.0}  # x: a float only d refers to
        x_object = id(d[b"x"])
        other = d if aliased else {}
        _pc, values, _exc = run(optimise(parse_trace(LOAD_THEN_STORE, consts)), d, other, lambda: None)
        assert d == {b"x": 3.5, b"y": 3.0, b"z": 4.0} and id(d[b"x"]) == x_object
        assert values[1:] == [norm(1.0), norm(7.0)]  # the old y and z, read before the stores


def test_a_reused_item_that_the_trace_still_needs_is_not_overwritten():
    text = """inputs(o0)
o1 = dict_get(o0, $x)
guard_type(o1, $float) {$None@0: o0}
f2 = unbox_float(o1)
f3 = float_add(f2, 1.0)
o4 = box_float(f3)
dict_set(o0, $x, o4) {$None@1: o0}
finish() {$None@2: o0, o1}"""
    consts = {"x": b"x"}
    ir = optimise(parse_trace(text, consts))
    assert [len(op.args) for op in ir.ops if op.opdef.name == "dict_set_float"] == [4]
    d = {b"x": float(len("ab")) + 0.5}
    _pc, values, _exc = run(ir, d)
    assert values[1] == norm(2.5) and d[b"x"] == 3.5  # the exit still sees the value it read


def test_a_reused_missing_item_is_stored_afresh():
    text = """inputs(o0)
o1 = dict_get(o0, $x)
guard_is(o1, $None) {$None@0: o0}
o2 = box_float(1.5)
dict_set(o0, $x, o2) {$None@1: o0}
finish() {$None@2: o0}"""
    ir = optimise(parse_trace(text, {"x": b"x", "None": None}))
    assert [len(op.args) for op in ir.ops if op.opdef.name == "dict_set_float"] == [4]
    d = {}
    run(ir, d)
    assert d == {b"x": 1.5}


SLOT_LOOP = """inputs(o0, o1)
guard_type(o0, $dict) {$None@0: o0, o1}
label(o1)
i2 = dict_keys(o0)
o3 = dict_slot_value(o0, i2, 0, $x)
guard_is_not(o3, $None) {$None@0: o0, o1}
guard_type(o3, $float) {$None@0: o0, o1}
f4 = unbox_float(o3)
f5 = float_add(f4, 1.0)
o6 = box_float(f5)
dict_set(o0, $x, o6, o3) {$None@1: o0, o1}
STORE
b7 = float_lt(f5, 10.0)
guard_true(b7) {$None@2: o0, o1}
jump(o1)"""


def test_licm_hoists_where_a_dict_keeps_its_entries_past_stores_that_add_no_key():
    consts = {"x": b"x", "y": b"y", "dict": dict}
    # a store of a key the loop read at its entry adds no entry: the entries stay where they are
    ir = optimise(parse_trace(SLOT_LOOP.replace("STORE\n", ""), consts))
    label = ir.label_index()
    assert "dict_keys" in names(ir)[:label] and "dict_slot_value" in names(ir)[label:]
    d = {b"x": float(len("ab")) + 0.5}
    assert run(ir, d, None)[0] == 2 and d == {b"x": 10.5}
    # a store that may add a key (o1 may be o0) may move them: dict_keys stays in the loop
    ir = optimise(parse_trace(SLOT_LOOP.replace("STORE", "dict_set(o1, $y, o6) {$None@1: o0, o1}"), consts))
    assert "dict_keys" in names(ir)[ir.label_index():]
    d = {b"x": 0.5}
    assert run(ir, d, d)[0] == 2 and d == {b"x": 10.5, b"y": 10.5}


def test_a_slot_read_at_another_entry_still_reads_the_key_after_the_optimiser():
    """Two slot reads of one key recorded at different entries (the same field of two tables built in different
    orders) both give the key's value, the second by a probe; the optimiser keeps what establishes its type."""
    text = """inputs(o0)
i1 = dict_keys(o0)
o2 = dict_slot_value(o0, i1, 1, $x)
guard_is_not(o2, $None) {$None@0: o0}
guard_type(o2, $int) {$None@0: o0}
o3 = dict_slot_value(o0, i1, 0, $x)
guard_is_not(o3, $None) {$None@1: o0}
guard_type(o3, $int) {$None@1: o0}
i4 = unbox_int(o3)
finish() {$None@2: o0, i4}"""
    ir = optimise(parse_trace(text, {"x": b"x"}))
    assert names(ir).count("guard_type") == 1
    pc, values, _exc = run(ir, {b"pad": 0, b"x": 7})  # x is at entry 1, not 0: the second read probes
    assert pc == 2 and values[-1] == ("int", 7)
    pc, _values, _exc = run(ir, {b"pad": 0})
    assert pc == 0


def test_register_stores_of_numbers_reuse_an_unshared_int_and_leave_a_shared_one_alone():
    text = """inputs(o0, o5)
i1 = unbox_int(o5)
i6 = int_add(i1, 1)
o2 = box_int(i6)
setreg(o0, 0, o2)
o3 = box_float(2.5)
setreg(o0, 1, o3)
finish() {$None@0: o0}"""
    ir = optimise(parse_trace(text))
    assert {"setreg_int", "setreg_float"} <= set(names(ir)) and "box_int" not in names(ir)
    regs = [int("70001"), float("1.5")]  # objects only the register file holds
    ids = [id(x) for x in regs]
    run(ir, regs, 123455)
    assert regs == [123456, 2.5] and [id(x) for x in regs] == ids
    shared = int("70002")
    regs = [shared, 0.5]
    run(ir, regs, 98)
    assert shared == 70002 and regs[0] == 99 and regs[0] is not shared


def test_guards_and_unboxes_of_constants_that_forwarding_exposes_go():
    """A side trace that stores a constant into a register and then runs a copy of a loop's preamble reads that
    constant back: the preamble's type guard on it holds, and unboxing it gives the machine constant."""
    text = """inputs(o0)
setreg(o0, 0, $two)
o1 = getreg(o0, 0)
guard_type(o1, $int) {$None@0: o0}
i2 = unbox_int(o1)
i3 = int_add(i2, 1)
guard_is(o1, $two) {$None@1: o0}
finish() {$None@2: o0, i3}"""
    ir = optimise(parse_trace(text, {"two": 2, "int": int}))
    assert not {"guard_type", "guard_is", "unbox_int"} & set(names(ir))
    regs = [None]
    assert run(ir, regs)[0] == 2 and regs == [2]


def test_slots_of_different_constant_objects_do_not_alias():
    """A store into a slot of one constant object leaves what the same slot of another constant object holds (two
    cells: an upvalue written, and the flag that guards fixed upvalues); a store through a non-constant object may
    be either."""
    class Cell:
        __slots__ = ("v",)  # its slot at offset 16

        def __init__(self, v):
            self.v = v

    text = """inputs(o0, o1)
o2 = getslot($a, 16)
o3 = getslot($b, 16)
setslot($a, 16, o1) {$None@0: o0}
o4 = getslot($a, 16)
o5 = getslot($b, 16)
setslot(o0, 16, o1) {$None@1: o0}
o6 = getslot($b, 16)
finish() {$None@2: o2, o3, o4, o5, o6}"""
    a, b = Cell(1), Cell(2)
    ir = forward(parse_trace(text, {"a": a, "b": b}))
    fin = ir.ops[-1].snapshot.frames[0].values
    assert fin[3] is fin[1]  # b's slot survives the store into a's
    assert fin[2] is not fin[0]  # a's slot is what was stored (forwarded), not the first load
    assert fin[4] is not fin[1]  # a store through o0 may have been into b


def test_assumed_facts_make_their_guards_redundant_and_cost_no_code():
    """assume_type / assume_is (jit/ir/facts.py): cse drops the guards they stand for and the facts themselves;
    unoptimised, the backend compiles them to nothing."""
    text = """inputs(o0, o1)
assume_type(o0, $int)
assume_is(o1, $None)
guard_type(o0, $int) {$None@0: o0}
guard_is(o1, $None) {$None@1: o1}
guard_type(o1, $int) {$None@2: o1}
finish() {$None@3: o0}"""
    ir = cse(parse_trace(text))
    assert names(ir) == ["guard_type", "finish"]  # only the guard no fact covers
    assert run(parse_trace(text), 7, None)[0] == 2  # unoptimised: the facts do nothing, the last guard fails


def test_a_load_of_a_stored_machine_number_is_that_number_boxed():
    """The passes also run over their own output (jit/opt/__init__.py): after number_stores, a load of a register,
    item or dict value that a setreg_int / list_setitem_float / dict_set_int stored is a box of the stored number,
    so the guards and unboxes on it go as they do before number_stores."""
    text = """inputs(o0, o1, o2)
i3 = int_add(40, 2)
setreg_int(o0, 0, i3)
list_setitem_float(o1, 0, 2.5)
dict_set_int(o2, $k, i3) {$None@5: o0}
o4 = getreg(o0, 0)
guard_type(o4, $int) {$None@0: o0}
i5 = unbox_int(o4)
o6 = list_getitem(o1, 0)
guard_type(o6, $float) {$None@1: o0}
f7 = unbox_float(o6)
o8 = dict_get(o2, $k)
guard_type(o8, $int) {$None@2: o0}
i9 = unbox_int(o8)
finish() {$None@3: i5, f7, i9, o4}"""
    consts = {"k": "k", "int": int, "float": float}
    ir = optimise(parse_trace(text, consts))
    assert not {"getreg", "list_getitem", "dict_get", "guard_type", "unbox_int", "unbox_float"} & set(names(ir))
    assert names(ir).count("box_int") == 1  # the snapshot's o4
    regs, items, d = [None], [None], {}
    assert run(ir, regs, items, d) == (3, [("int", 42), ("f", "2.5"), ("int", 42), ("int", 42)], None)
    assert regs == [42] and items == [2.5] and d == {"k": 42}
