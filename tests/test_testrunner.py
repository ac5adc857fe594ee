"""`ylua-test`: discovery, list files, pass/fail/timeout accounting, configs, --reference and JUnit XML."""

import os
import re
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from cli.testrun_discover import DiscoveryError, collect
from cli.testrunner import cli

LUA54 = shutil.which("lua5.4")


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def run(*args):
    result = CliRunner().invoke(cli, ["-j", "4", *[str(a) for a in args]])
    assert "Traceback" not in result.output
    return result


def count(output, label):
    m = re.search(rf"{label}\W+(\d+)", output)
    assert m, f"no {label!r} count in:\n{output}"
    return int(m.group(1))


def counts(output):
    return {k: count(output, k) for k in ("passed", "failed", "timed out", "skipped", "total")}


# -- discovery -------------------------------------------------------------------------------------------------


def test_discovery_sorted_recursive_and_excludes_helpers(tmp_path):
    for rel in ("b.lua", "a.lua", "sub/c.lua", "sub/util_helper.lua", "helpers/h.lua", "sub/helpers/deep/x.lua",
                "notes.md", "z/a.lua"):
        write(tmp_path, rel, "")
    sel = collect([str(tmp_path)])
    assert [os.path.relpath(p, tmp_path) for p in sel.tests] == ["a.lua", "b.lua", "sub/c.lua", "z/a.lua"]
    assert sel.skipped == []


def test_list_file_entries_comments_and_skips(tmp_path):
    for rel in ("t/one.lua", "t/two.lua", "t/three.lua", "t/dir/four.lua"):
        write(tmp_path, rel, "")
    lst = write(tmp_path, "t/run.list", "# a comment\n\none.lua\n  -two.lua\n- three.lua\ndir\n")
    sel = collect([str(lst)])
    assert [os.path.basename(p) for p in sel.tests] == ["one.lua", "four.lua"]
    assert [os.path.basename(p) for p in sel.skipped] == ["two.lua", "three.lua"]


def test_skip_wins_over_directory_include_and_duplicates_are_dropped(tmp_path):
    write(tmp_path, "a.lua", "")
    write(tmp_path, "b.lua", "")
    write(tmp_path, "skip.txt", "-b.lua\n")
    sel = collect([str(tmp_path), str(tmp_path / "a.lua"), str(tmp_path / "skip.txt")])
    assert [os.path.basename(p) for p in sel.tests] == ["a.lua"]
    assert [os.path.basename(p) for p in sel.skipped] == ["b.lua"]


def test_list_file_missing_entry_names_the_line(tmp_path):
    lst = write(tmp_path, "l.txt", "# x\nghost.lua\n")
    with pytest.raises(DiscoveryError, match=r"l\.txt:2: no such file or directory: ghost\.lua"):
        collect([str(lst)])


# -- running ---------------------------------------------------------------------------------------------------


def test_pass_fail_timeout_helpers_and_junit(tmp_path):
    write(tmp_path, "pass.lua", "print('ok')\n")
    write(tmp_path, "fail.lua", "print('before')\nerror('boom')\n")
    write(tmp_path, "loop.lua", "while true do end\n")
    write(tmp_path, "sub/uses_mod.lua", "local h = require('mod_helper')\nassert(h.value == 42)\n")
    # not tests: a `*_helper.lua` (found by uses_mod.lua's relative require: it runs in its own directory)
    write(tmp_path, "sub/mod_helper.lua", "if ... ~= 'mod_helper' then error('run as a test') end\nreturn {value = 42}")
    write(tmp_path, "sub/helpers/lib.lua", "error('helpers are not tests')\n")
    xml_path = tmp_path / "out" / "report.xml"
    (tmp_path / "out").mkdir()
    r = run("--timeout", "2", "--junit-xml", xml_path, tmp_path)
    assert r.exit_code == 1, r.output
    assert counts(r.output) == {"passed": 2, "failed": 1, "timed out": 1, "skipped": 0, "total": 4}
    assert re.search(r"fail\.lua \[interp\]: exit status 1", r.output)
    assert "fail.lua:2: boom" in r.output  # the stderr tail
    assert re.search(r"loop\.lua \[interp\]: timed out after 2s", r.output)
    assert "wall time" in r.output

    root = ET.parse(xml_path).getroot()
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite.get("tests") == "4" and suite.get("failures") == "2" and suite.get("skipped") == "0"
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"pass.lua", "fail.lua", "loop.lua", "uses_mod.lua"}
    assert cases["uses_mod.lua"].get("classname") == "sub"
    assert cases["pass.lua"].get("classname") == "."
    assert cases["pass.lua"].find("failure") is None
    failure = cases["fail.lua"].find("failure")
    assert failure.get("message") == "[interp] exit status 1"
    assert "boom" in failure.text
    assert "timed out after 2s" in cases["loop.lua"].find("failure").get("message")


def test_list_file_with_skip_all_passing_exits_0(tmp_path):
    write(tmp_path, "good.lua", "print(1 + 1)\n")
    write(tmp_path, "bad.lua", "error('not run')\n")
    lst = write(tmp_path, "tests.txt", "# the suite\ngood.lua\n\n-bad.lua\n")
    xml_path = tmp_path / "r.xml"
    r = run("--junit-xml", xml_path, lst)
    assert r.exit_code == 0, r.output
    assert counts(r.output) == {"passed": 1, "failed": 0, "timed out": 0, "skipped": 1, "total": 2}
    cases = {c.get("name"): c for c in ET.parse(xml_path).getroot().iter("testcase")}
    assert cases["bad.lua"].find("skipped") is not None


def test_output_differs_between_configs(tmp_path):
    write(tmp_path, "env.lua", "print(os.getenv('YK_JITC') or 'jit')\n")
    write(tmp_path, "same.lua", "local s = 0\nfor i = 1, 10 do s = s + i end\nprint(s)\n")
    r = run("--config", "interp,default", tmp_path)
    assert r.exit_code == 1, r.output
    assert counts(r.output)["passed"] == 1 and counts(r.output)["failed"] == 1
    assert re.search(r"env\.lua \[default\]: differs between configs", r.output)
    assert "-none" in r.output and "+jit" in r.output  # the unified diff of stdout


def test_unknown_config_is_a_one_line_usage_error(tmp_path):
    r = run("--config", "interp,turbo", tmp_path)
    assert r.exit_code == 2
    assert r.output.strip().splitlines() == [
        "Error: unknown config 'turbo' (valid: interp, jit0, jit0-noopt, default, sidetrace)"]


def test_missing_path_is_a_one_line_error(tmp_path):
    r = subprocess.run([sys.executable, "-m", "cli.testrunner", str(tmp_path / "nope")], capture_output=True,
                       text=True)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.strip().splitlines() == [f"Error: no such file or directory: {tmp_path / 'nope'}"]


def test_missing_reference_is_an_error(tmp_path):
    write(tmp_path, "a.lua", "")
    r = run("--reference", "no-such-lua-5.4-binary", tmp_path)
    assert r.exit_code == 2
    assert r.output.strip() == "Error: reference interpreter 'no-such-lua-5.4-binary' not found"


def test_reference_given_as_a_path(tmp_path):
    fake = write(tmp_path, "bin/fakelua", "#!/bin/sh\necho hello\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    write(tmp_path, "t/same.lua", "print('hello')\n")
    write(tmp_path, "t/other.lua", "print('bye')\n")
    r = run("--reference", fake, tmp_path / "t")
    assert r.exit_code == 1, r.output
    assert counts(r.output)["passed"] == 1 and counts(r.output)["failed"] == 1
    assert re.search(r"other\.lua \[interp\]: differs from reference", r.output)
    assert "-hello" in r.output and "+bye" in r.output


@pytest.mark.skipif(LUA54 is None, reason="lua5.4 not installed")
def test_reference_lua54(tmp_path):
    write(tmp_path, "same.lua", "local t = {}\nfor i = 1, 5 do t[#t + 1] = i * i end\nprint(table.concat(t, ' '))\n")
    write(tmp_path, "exits.lua", "print('x')\nos.exit(3)\n")
    r = run("--reference", "lua5.4", tmp_path / "same.lua")
    assert r.exit_code == 0, r.output
    assert counts(r.output)["passed"] == 1
    # arg[-1] names the interpreter, so it differs; the exit status is compared too.
    write(tmp_path, "differs.lua", "print(arg[-1])\n")
    r = run("--reference", "lua5.4", tmp_path / "differs.lua", tmp_path / "exits.lua")
    assert r.exit_code == 1, r.output
    assert re.search(r"differs\.lua \[interp\]: differs from reference", r.output)
    assert re.search(r"exits\.lua \[interp\]: exit status 3", r.output)
