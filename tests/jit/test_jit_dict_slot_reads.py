"""dict_slot_value reads a constant key's value at the entry index the recording found it at (LuaJIT's HREFK), with
no hash probe, and probes the dict when the key is not there: the result must be the key's value (None when it is
missing) wherever the key is, for every kind of dict that can reach the site. A table whose keys were deleted and
added again, or that was built in another order, has its keys at other entries: that must not be a guard failure
(richards made hundreds of side traces, one per layout). dict_entry_index finds the index at recording time."""

import pytest
from backend_util import compile_text

from jit import layout

SLOT_READ = """inputs(o0)
i1 = dict_keys(o0)
o2 = dict_slot_value(o0, i1, $index, $key)
finish() {$None@0: o2}"""


def read_at(d, index, key):
    trace = compile_text(SLOT_READ.replace("$index", str(index)), "llvm", {"key": key})
    return trace.entry(d)[1]


def test_dict_entry_index_finds_the_key_object_itself():
    key = b"velocity"
    d = {b"a": 1, b"b": 2, key: 3}
    assert layout.dict_entry_index(d, key) == 2
    equal = b"".join([b"velo", b"city"])
    assert equal == key and equal is not key
    assert layout.dict_entry_index(d, equal) is None  # an equal key that is another object is not it
    assert layout.dict_entry_index({"a": 1, "b": 2}, "b") is None  # str-only dicts keep unicode entries
    deleted = {b"x": 1, key: 2}
    del deleted[b"x"]
    assert layout.dict_entry_index(deleted, key) == 1  # entries keep their places after a deletion


@pytest.mark.parametrize("index", [0, 2, 5])
def test_a_slot_read_gives_the_value_wherever_the_key_is(index):
    key = b"speed"
    others = [b"k%d" % i for i in range(8)]
    for position in range(6):
        d = dict.fromkeys(others[:position], 0.5)
        d[key] = "found"
        d.update(dict.fromkeys(others[position:], 1.5))
        assert read_at(d, index, key) == "found"
        del d[key]
        assert read_at(d, index, key) is None
        d[key] = "again"  # now the last entry
        assert read_at(d, index, key) == "again"


def test_a_slot_read_probes_dicts_whose_entries_it_cannot_read():
    key = b"speed"
    split_owner = type("Owner", (), {})()
    split_owner.speed = 1
    deleted = {key: 1, b"other": 2}
    del deleted[key]
    grown = {key: "moved"}
    for i in range(50):  # resized several times: a new keys object, the key still at entry 0
        grown[b"g%d" % i] = i
    cases = [
        ({}, 0, key, None),                       # the shared empty keys (unicode kind, no entries)
        ({"speed": 1}, 0, key, None),             # unicode entries: never read as general ones
        ({"speed": 1}, 0, "speed", 1),            # ... but probed
        (split_owner.__dict__, 0, "speed", 1),    # a split table (values kept apart)
        (deleted, 0, key, None),                  # the entry was emptied
        ({key: "far"}, 40, key, "far"),           # past the entries
        (grown, 0, key, "moved"),
        ({1: "int", key: "general"}, 1, key, "general"),
        ({1: "int", key: "general"}, 0, key, "general"),
    ]
    for d, index, k, expected in cases:
        assert read_at(d, index, k) == expected


def test_a_slot_read_is_borrowed_or_owned_without_leaking():
    import sys

    key = b"speed"
    value = object()
    d = {key: value}
    before = sys.getrefcount(value)
    trace = compile_text(SLOT_READ.replace("$index", "0"), "llvm", {"key": key})
    for _ in range(100):
        r = trace.entry(d)
        assert r[1] is value
        del r
    assert sys.getrefcount(value) == before
