"""The `ylua` command: options, the arg table, exit statuses and error output, as `lua` does them."""

import os


def test_runs_a_script_with_args(ylua, tmp_path):
    script = tmp_path / "s.lua"
    script.write_text("print(..., arg[0] ~= nil, #arg, arg[1])")
    r = ylua([str(script), "a", "b"])
    assert r.returncode == 0
    assert r.stdout == b"a\ttrue\t2\ta\n"  # `...` not last: one value


def test_e_options_run_in_order(ylua):
    r = ylua(["-e", "x = 2", "-e", "print(x * 21)"])
    assert r.stdout == b"42\n"


def test_error_exit_status_and_message(ylua, tmp_path):
    script = tmp_path / "bad.lua"
    script.write_text("local t = nil\nprint(t.x)\n")
    r = ylua([str(script)])
    assert r.returncode == 1
    lines = r.stderr.decode().splitlines()
    assert lines[0] == f"ylua: {script}:2: attempt to index a nil value (local 't')"
    assert lines[1] == "stack traceback:"


def test_syntax_error(ylua, tmp_path):
    script = tmp_path / "syn.lua"
    script.write_text("if x then\nprint(1)\n")
    r = ylua([str(script)])
    assert r.returncode == 1
    assert r.stderr.decode().strip() == f"ylua: {script}:3: 'end' expected (to close 'if' at line 1) near <eof>"


def test_stdin_script(ylua):
    r = ylua(["-"], stdin=b"print('from stdin')")
    assert r.stdout == b"from stdin\n"


def test_unknown_option(ylua):
    r = ylua(["-x"])
    assert r.returncode == 1
    assert r.stderr.decode().splitlines()[0] == "ylua: unrecognized option '-x'"


def test_missing_script(ylua, tmp_path):
    r = ylua([str(tmp_path / "nope.lua")])
    assert r.returncode == 1
    assert b"cannot open" in r.stderr


def test_bytecode_listing(ylua, tmp_path):
    script = tmp_path / "l.lua"
    script.write_text("local s = 0 for i = 1, 3 do s = s + i end")
    r = ylua(["--bytecode", str(script)])
    assert r.returncode == 0
    assert b"FORLOOP" in r.stdout and b"ADD" in r.stdout


def test_no_python_traceback_on_error_object(ylua):
    r = ylua(["-e", "error({})"])
    assert r.returncode == 1
    assert b"Traceback" not in r.stderr
    assert r.stderr.splitlines()[0] == b"ylua: (error object is a table value)"


def test_examples_hello(ylua):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    r = ylua([os.path.join(root, "examples", "hello.lua")])
    assert r.stdout == b"hello from ylua: loops counted 55\n"


def test_files_left_open_are_written_at_exit(ylua, tmp_path):
    """The command exits without freeing the heap, but closes what the program left open first (as lua_close)."""
    for ending, status in (("", 0), ("os.exit(3)", 3), ("error('late')", 1)):
        out = tmp_path / f"out{status}.txt"
        script = tmp_path / "w.lua"
        script.write_text(f"local f = assert(io.open({str(out)!r}, 'w'))\nf:write('kept ', {status})\n"
                          f"io.write('no newline at the end')\n{ending}\n")
        r = ylua([str(script)])
        assert r.returncode == status
        assert out.read_text() == f"kept {status}"
        assert r.stdout == b"no newline at the end"
