"""The interactive loop: like lua 5.4's (expressions print their values, '>>' continues an incomplete chunk)."""

from __future__ import annotations

import sys


def repl(rt) -> None:
    from cli.main import report
    from ylua.errors import LuaError, LuaSyntaxError

    buffer = ""
    while True:
        prompt = ">> " if buffer else "> "
        try:
            line = input(prompt) if sys.stdin.isatty() else _read_line(prompt)
        except EOFError:
            print()
            return
        source = buffer + line
        fn = None
        if not buffer:
            try:
                fn = rt.load(("return " + source).encode(), "stdin")
            except LuaSyntaxError:
                fn = None
        if fn is None:
            try:
                fn = rt.load(source.encode(), "stdin")
            except LuaSyntaxError as e:
                if e.msg.endswith("<eof>"):
                    buffer = source + "\n"
                    continue
                buffer = ""
                sys.stderr.write(e.msg + "\n")
                continue
        buffer = ""
        try:
            results = rt.call(fn, [])
        except LuaError as e:
            report(rt, e)
            continue
        if results:
            rt.stdout.write(b"\t".join(rt.tostring(v) for v in results) + b"\n")
        rt.stdout.flush()


def _read_line(prompt: str) -> str:
    sys.stdout.write(prompt)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")
