"""bench/run.py: one quick run of a small program, checked against lua5.4, with the optimiser's ratio."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("lua5.4") is None, reason="needs lua5.4")
def test_the_runner_reports_times_ratios_and_what_the_optimiser_buys(tmp_path):
    out = tmp_path / "rows.json"
    got = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--config", "jit", "--config", "noopt",
                          "--repeat", "1", "--arg", "20000", "--json", str(out), "float_sum"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert got.returncode == 0, got.stdout + got.stderr
    assert "noopt/jit" in got.stdout and "geometric mean" in got.stdout
    rows = json.loads(out.read_text())
    row = rows[0]
    assert row["program"] == "float_sum" and row["args"] == ["20000"]
    assert row["noopt/jit"] == pytest.approx(row["noopt"] / row["jit"])
    assert row["jit/lua5.4"] > 0


def test_suite_lists_programs_corpus_or_both():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import run
    finally:
        sys.path.pop(0)
    programs, corpus, both = (run.suite_programs(s) for s in ("programs", "corpus", "all"))
    assert "fib" in programs and "fib" not in corpus
    assert "nsieve" in corpus and "nsieve" not in programs
    assert both["corpus/nsieve"] == corpus["nsieve"] and both["fib"] == programs["fib"]
    assert len(both) == len(programs) + len(corpus)


@pytest.mark.skipif(shutil.which("lua5.4") is None, reason="needs lua5.4")
def test_the_runner_runs_a_corpus_program_at_its_quick_size(tmp_path):
    out = tmp_path / "rows.json"
    got = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--suite", "corpus", "--quick", "--config",
                          "jit", "--repeat", "1", "--json", str(out), "nsieve_bit"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert got.returncode == 0, got.stdout + got.stderr
    row = json.loads(out.read_text())[0]
    assert row["program"] == "nsieve_bit" and row["args"] == ["1"] and "errors" not in row


def test_parse_speed_measures_given_files(tmp_path):
    """bench/parse_speed.py --files: lines per second of parse + compile over Lua files that others wrote."""
    a, b = tmp_path / "a.lua", tmp_path / "b.lua"
    a.write_text("local x = 1\nreturn x + 2\n")
    b.write_text("-- a comment\nfor i = 1, 3 do print(i) end\n\n")
    got = subprocess.run([sys.executable, str(ROOT / "bench" / "parse_speed.py"), "--repeat", "1", "--files",
                          str(a), str(b)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert got.returncode == 0, got.stdout + got.stderr
    assert "2 files, 5 lines in" in got.stdout and "lines/s" in got.stdout
