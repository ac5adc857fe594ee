"""The on-disk cache of compiled chunks (ylua/chunk_cache.py): what it saves, when it must not be trusted."""

import os
import subprocess
import sys

import pytest

from support import ROOT
from ylua import chunk_cache
from ylua.funcstate import intern_constant
from ylua.interp import Interp

SOURCE = b"""local t = {}
for i = 1, 3 do t[#t + 1] = ("item %d"):format(i) end
local function sum(...) local s = 0 for _, v in ipairs({...}) do s = s + v end return s end
print(table.concat(t, ","), sum(1, 2, 3.5))
"""


class Out:
    def __init__(self):
        self.data = b""

    def write(self, b):
        self.data += b

    def flush(self):
        pass


@pytest.fixture
def cache(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    d.mkdir(mode=0o700)
    monkeypatch.setattr(chunk_cache, "_dir", str(d))
    monkeypatch.delenv(chunk_cache.ENV_SWITCH, raising=False)
    return d


def chunk_files(d):
    return sorted(d.glob("chunk-*.pickle"))


def run(source, name="prog.lua", cache=True):
    out = Out()
    rt = Interp(stdout=out)
    fn = rt.load(source, name, cache=cache)
    rt.call(fn, [])
    return fn, out.data


def test_second_load_comes_from_the_cache_and_runs_the_same(cache):
    fn1, out1 = run(SOURCE)
    assert len(chunk_files(cache)) == 1
    fn2, out2 = run(SOURCE)
    assert out1 == out2 == b"item 1,item 2,item 3\t6.5\n"
    assert fn2.proto is not fn1.proto
    assert fn2.proto.lines == fn1.proto.lines and len(fn2.proto.protos) == len(fn1.proto.protos)


def test_a_changed_source_is_compiled_again(cache):
    run(SOURCE)
    _, out = run(SOURCE.replace(b"3.5", b"4"))
    assert out == b"item 1,item 2,item 3\t7\n"
    assert len(chunk_files(cache)) == 1  # one file per chunk name, overwritten


def test_loads_not_asked_to_cache_leave_no_file(cache):
    run(SOURCE, cache=False)
    assert chunk_files(cache) == []


def test_switched_off_by_the_environment(cache, monkeypatch):
    monkeypatch.setenv(chunk_cache.ENV_SWITCH, "0")
    run(SOURCE)
    assert chunk_files(cache) == []


def test_a_corrupt_file_is_ignored_and_replaced(cache):
    run(SOURCE)
    (path,) = chunk_files(cache)
    data = path.read_bytes()
    path.write_bytes(data[:40] + b"garbage")
    _, out = run(SOURCE)
    assert out == b"item 1,item 2,item 3\t6.5\n"
    assert path.read_bytes() == data


def test_a_file_of_another_source_is_not_used(cache):
    """Two sources under one chunk name: the digest tells them apart."""
    run(SOURCE)
    assert chunk_cache.load(SOURCE + b"\n", "prog.lua") is None
    assert chunk_cache.load(SOURCE, "prog.lua") is not None


def test_short_string_constants_are_shared_again(cache):
    run(SOURCE)
    proto = chunk_cache.load(SOURCE, "prog.lua")
    strings = [c for c in proto.consts if type(c) is bytes]
    assert strings and all(c is intern_constant(c) for c in strings)


def test_a_directory_others_may_write_is_not_used(tmp_path, monkeypatch):
    base = tmp_path / "xdg"
    (base / "ylua").mkdir(parents=True)
    os.chmod(base / "ylua", 0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(base))
    monkeypatch.setattr(chunk_cache, "_dir", False)
    monkeypatch.setattr(chunk_cache.tempfile, "gettempdir", lambda: str(tmp_path / "no-such-dir-file"))
    (tmp_path / "no-such-dir-file").write_text("a file, not a directory")
    assert chunk_cache.cache_dir() is None
    assert not chunk_cache.enabled()


def test_a_cached_script_does_not_load_the_parser(tmp_path):
    """The point of the cache: a second run imports neither the parser nor the compiler (nor Lark, ever)."""
    script = tmp_path / "p.lua"
    script.write_bytes(SOURCE)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "xdg"))
    probe = (
        "import sys\n"
        "from ylua.interp import Interp\n"
        f"rt = Interp()\nfn = rt.load(open({str(script)!r}, 'rb').read(), 'p.lua', cache=True)\n"
        "print('ylua.parser' in sys.modules, 'ylua.compiler' in sys.modules, 'lark' in sys.modules)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
            for _ in range(2)]
    assert [r.stdout for r in runs] == ["True True False\n", "False False False\n"], [r.stderr for r in runs]
