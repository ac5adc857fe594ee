"""string.gsub through a byte map (ylua/stdlib/gsub_bytemap.py): which patterns qualify, and that the table is
read once per distinct byte rather than once per match."""

import pytest

from ylua.stdlib.gsub_bytemap import gsub_table, one_byte_item


@pytest.mark.parametrize("pat, members", [
    (b"%a", bytes(range(65, 91)) + bytes(range(97, 123))),
    (b"[acg]", b"acg"),
    (b"[]]", b"]"),
    (b"%%", b"%"),
    (b"x", b"x"),
    (b".", bytes(range(256))),
])
def test_one_byte_items(pat, members):
    assert one_byte_item(pat) == members


@pytest.mark.parametrize("pat", [b"", b"%a+", b"[ab]*", b"(a)", b"^a", b"a$", b"ab", b"[a", b"%b()", b"[a]b"])
def test_other_patterns_are_left_to_the_general_gsub(pat):
    assert one_byte_item(pat) is None


def test_the_table_is_read_once_per_distinct_byte():
    reads = []
    entries = {b"a": b"T", b"c": b"G", b"g": b"C", b"t": b"A"}

    def get(key):
        reads.append(key)
        return entries.get(key)

    res, n = gsub_table(b"acgt" * 1000 + b"xyz", b"%a", get, 10 ** 9)
    assert res == b"TGCA" * 1000 + b"xyz" and n == 4003
    assert sorted(reads) == [b"a", b"c", b"g", b"t", b"x", b"y", b"z"]


def test_limits_that_stop_early_and_invalid_values_go_to_the_general_gsub():
    assert gsub_table(b"aaa", b"a", {b"a": b"b"}.get, 2) is None
    assert gsub_table(b"abc", b"%a", {b"b": True}.get, 10) is None
    assert gsub_table(b"abc", b"%a", {b"b": b"<b>", b"c": 7}.get, 10) == (b"a<b>7", 3)
