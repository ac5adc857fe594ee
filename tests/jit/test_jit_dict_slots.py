"""Constant-key dict reads and number stores read the entry at a per-site cached index (jit_dict_slot), falling back
to PyDict. Whatever dict reaches the site, the result must be what Python's dict says."""

import pytest
from backend_util import compile_text

from jit import layout

READ_AND_STORE = """inputs(o0)
o1 = dict_get(o0, $x)
dict_set_float(o0, $y, 2.5) {$None@0: o0}
finish() {$None@1: o1}"""


def test_the_running_interpreter_has_the_dict_layout_the_fast_path_reads():
    assert layout.DICT_ENTRIES_READABLE


def fresh_float(x: float) -> float:
    return x + float(len("ab")) - 2.0  # a new object that only its container will hold


def dicts_for(key, other):
    """Dicts of many shapes, each paired with what dict_get(d, key) must give."""
    equal_key = type(key)().join([key[:2], key[2:]])  # equal to key, another object
    assert equal_key == key and equal_key is not key
    deleted = {key: 1, other: 2}
    del deleted[key]
    many = {type(key)(str(i).encode() if isinstance(key, bytes) else str(i)): i for i in range(20)}
    many[key] = "far"  # entry 20: past the entries a miss scans
    wide = {type(key)(str(i).encode() if isinstance(key, bytes) else str(i)): i for i in range(300)}
    wide[key] = "two-byte indices"
    wider = {type(key)(str(i).encode() if isinstance(key, bytes) else str(i)): i for i in range(70000)}
    wider[key] = "four-byte indices"
    wide_missing = {type(key)(str(i).encode() if isinstance(key, bytes) else str(i)): i for i in range(300)}
    split_owner = type("Split", (), {})()
    split_owner.__dict__  # noqa: B018 - instances' dicts may share their keys with the class (a split table)
    return [
        ({key: "first", other: fresh_float(0.5)}, "first"),
        ({other: 1, "pad": 2, key: "third"}, "third"),
        ({key: "only"}, "only"),
        (deleted, None),
        ({equal_key: "equal"}, "equal"),
        ({1: "int key", key: "general entries", 2.5: "float key"}, "general entries"),
        (many, "far"),
        (wide, "two-byte indices"),
        (wider, "four-byte indices"),
        (wide_missing, None),
        ({}, None),
        ({other: fresh_float(1.0), key: "again first shape"}, "again first shape"),
    ]


@pytest.mark.parametrize("key,other", [("xylophone", "yodel"), (b"xylophone", b"yodel")])
def test_constant_key_reads_and_stores_match_pythons_dict(key, other):
    consts = {"x": key, "y": other}
    trace = compile_text(READ_AND_STORE, "llvm", consts)
    for d, expected in dicts_for(key, other) * 2:  # the second round meets caches the first round left behind
        before = dict(d)
        r = trace.entry(d)
        assert r[1] == expected
        before[other] = 2.5
        assert d == before and type(d[other]) is float


def test_a_store_overwrites_an_unshared_float_in_place_and_leaves_a_shared_one_alone():
    trace = compile_text(READ_AND_STORE, "llvm", {"x": "x", "y": "y"})
    d = {"x": 1, "y": fresh_float(7.0)}
    first = id(d["y"])
    trace.entry(d)
    assert d["y"] == 2.5 and id(d["y"]) == first
    held = fresh_float(3.0)
    d["y"] = held
    trace.entry(d)
    assert held == 3.0 and d["y"] == 2.5 and d["y"] is not held
