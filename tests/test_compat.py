"""--compat=luajit: the bit library with LuaJIT's 32-bit semantics, loadstring, unpack."""

import io
import os

import pytest
from support import ROOT, run_ylua

from ylua.interp import Interp


def run(src: str, compat="luajit") -> str:
    out = io.BytesIO()
    rt = Interp(compat=compat, stdout=out)
    rt.call(rt.load(src.encode(), "c.lua"), [])
    return out.getvalue().decode()


def test_bit_library_matches_luajit():
    src = ("print(bit.band(0xff, 0x0f), bit.bor(1, 2, 4), bit.bxor(-1, 1), bit.bnot(0), bit.lshift(1, 31),"
           " bit.rshift(-1, 28), bit.arshift(-256, 4), bit.rol(0x12345678, 8), bit.ror(0x12345678, 8),"
           " bit.bswap(0x12345678), bit.tohex(-1), bit.tohex(255, -4), bit.tobit(2^32 + 5))")
    assert run(src) == "15\t7\t-2\t-1\t-2147483648\t15\t-16\t878082066\t2014458966\t2018915346\tffffffff\t00FF\t5\n"


def test_loadstring_and_no_compat_by_default():
    assert run("print(loadstring('return 6 * 7')())") == "42\n"
    assert run("print(bit, loadstring)", compat=None) == "nil\tnil\n"


@pytest.mark.parametrize("env", [{"YK_JITC": "none"}, {"YK_HOT_THRESHOLD": "0", "YKD_SERIALISE_COMPILATION": "1"}])
def test_luajit_style_benchmark_runs_with_compat(env):
    got = run_ylua(["--compat=luajit", os.path.join(ROOT, "tests", "luajit_style", "bit_sieve_checksum.lua")], env)
    assert got.returncode == 0, got.stderr.decode(errors="replace")
    assert got.stdout == b"2262\t920045883\t14\t36d6c93b\t5\n"
