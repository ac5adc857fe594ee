"""The `ylua` command: runs Lua 5.4 programs like `lua` does (same options, arg table, messages, exit codes)."""

from __future__ import annotations

import atexit
import os
import sys

from cli.options import USAGE, UsageError, parse_args

VERSION = "ylua 0.1.0 -- Lua 5.4 in Python with a meta-tracing JIT"
PROGNAME = "ylua"
# Python's cyclic collector runs a young collection every 700 container allocations by default, and each traverses
# what it finds reachable: programs that build big trees of tables (binary_trees) spent over half their time there.
# Lua programs drop most of their garbage by reference count; cycles wait a little longer.
GC_THRESHOLDS = (100_000, 20, 20)


def eprint(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def error_text(rt, err) -> str:
    """The message of an uncaught Lua error, as lua.c's msghandler words it."""
    v = err.value
    if type(v) is bytes:
        return v.decode("utf-8", "replace")
    if type(v) in (int, float):
        return rt.tostring(v).decode()
    mt = rt.getmetatable(v)
    if mt is not None and mt.hash.get(b"__tostring") is not None:
        try:
            return rt.tostring(v).decode("utf-8", "replace")
        except Exception:
            pass
    from ylua.values import type_name

    return f"(error object is a {type_name(v)} value)"


def report(rt, err) -> None:
    from ylua.traceback import error_traceback

    flush(rt)
    eprint(f"{PROGNAME}: {error_text(rt, err)}")
    eprint(error_traceback(err))


def flush(rt) -> None:
    try:
        rt.stdout.flush()
    except (BrokenPipeError, ValueError):
        pass


def make_arg_table(rt, argv: list[str], opts) -> None:
    from ylua.table import LuaTable

    t = LuaTable()
    t.set(-(opts.script_index + 1), sys.argv[0].encode() if sys.argv else b"ylua")
    for i, a in enumerate(argv):
        t.set(i - opts.script_index, os.fsencode(a))
    rt.globals.set_str(b"arg", t)


def run_chunk(rt, source: bytes, chunkname: str, args: list, cache: bool = False) -> None:
    fn = rt.load(source, chunkname, cache=cache)
    rt.c_depth += 1  # lua.c runs a chunk two C levels deep (its pmain and docall), rt.call makes the second
    try:
        rt.call(fn, args)
    finally:
        rt.c_depth -= 1


def run(argv: list[str]) -> int:
    import gc

    gc.set_threshold(*GC_THRESHOLDS)
    try:
        opts = parse_args(argv)
    except UsageError as e:
        eprint(f"{PROGNAME}: {e}")
        eprint(USAGE)
        return 1
    from ylua.errors import LuaError, LuaSyntaxError
    from ylua.interp import Interp

    from jit.config import ConfigError
    from ylua.jit_driver import make_driver

    try:
        driver = make_driver()
    except ConfigError as e:
        eprint(f"{PROGNAME}: {e}")
        return 1
    compat = opts.compat or (None if opts.ignore_env else os.environ.get("YLUA_COMPAT"))
    rt = Interp(compat=compat if compat != "none" else None, jit_driver=driver)
    rt.ignore_env = opts.ignore_env
    if opts.bytecode:
        return list_bytecode(rt, opts)
    make_arg_table(rt, argv, opts)
    exit_exc = _exit_exception()
    try:
        if opts.version:
            print(VERSION, flush=True)
        if not opts.ignore_env:
            init = os.environ.get("LUA_INIT_5_4") or os.environ.get("LUA_INIT")
            if init:
                if init.startswith("@"):
                    with open(init[1:], "rb") as fh:
                        run_chunk(rt, fh.read(), init[1:], [])
                else:
                    run_chunk(rt, init.encode(), "=LUA_INIT", [])
        for kind, value in opts.actions:
            if kind == "e":
                run_chunk(rt, os.fsencode(value), "(command line)", [])
            else:
                glob, mod = value
                res = rt.call(rt.globals.get_str(b"require"), [mod.encode()])
                rt.globals.set_str(glob.encode(), res[0] if res else None)
        script_args = [os.fsencode(a) for a in opts.script_args]
        if opts.script is not None:
            if opts.script == "-":
                source, name = sys.stdin.buffer.read(), "stdin"
            else:
                try:
                    with open(opts.script, "rb") as fh:
                        source = fh.read()
                except OSError as e:
                    eprint(f"{PROGNAME}: cannot open {opts.script}" + (f": {e.strerror}" if e.strerror else ""))
                    return 1
                name = opts.script
            run_chunk(rt, source, name, script_args, cache=opts.script != "-")
        elif not opts.actions and not opts.version:
            if sys.stdin.isatty():
                opts.interactive = True
                print(VERSION, flush=True)
            else:
                run_chunk(rt, sys.stdin.buffer.read(), "stdin", [])
        if opts.interactive:
            from cli.repl import repl

            repl(rt)
    except LuaSyntaxError as e:
        flush(rt)
        eprint(f"{PROGNAME}: {e.msg}")
        return 1
    except LuaError as e:
        report(rt, e)
        return 1
    except exit_exc as e:
        flush(rt)
        return e.code
    except KeyboardInterrupt:
        flush(rt)
        eprint(f"{PROGNAME}: interrupted!")
        return 130
    flush(rt)
    return 0


def _exit_exception():
    try:
        from ylua.stdlib.os import LuaExit
    except ImportError:
        return SystemExit
    return LuaExit


def list_bytecode(rt, opts) -> int:
    from ylua.disasm import listing
    from ylua.errors import LuaSyntaxError

    if opts.script is None:
        eprint(f"{PROGNAME}: --bytecode needs a script")
        return 1
    try:
        with open(opts.script, "rb") as fh:
            proto = rt.compile_proto(fh.read(), opts.script)
    except OSError as e:
        eprint(f"{PROGNAME}: cannot open {opts.script}: {e.strerror}")
        return 1
    except LuaSyntaxError as e:
        eprint(f"{PROGNAME}: {e.msg}")
        return 1
    sys.stdout.write(listing(proto))
    return 0


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    try:
        code = run(argv)
    except BrokenPipeError:
        code = 1
    except RecursionError:
        eprint(f"{PROGNAME}: stack overflow (Python recursion limit)")
        code = 1
    except Exception as e:  # an internal bug: one clear line, the traceback only on request
        if os.environ.get("YLUA_DEBUG"):
            raise
        eprint(f"{PROGNAME}: internal error: {type(e).__name__}: {e}")
        code = 1
    leave(code)


def leave(code: int):
    """Exit without freeing the heap object by object (a program's big tables took up to a second to free): what
    must happen at exit happens first - the program's open files are closed (lua_close does that), output is
    flushed, and the exit handlers run (JIT statistics and logs, the compile worker)."""
    from jit.worker import exit_skips_cleanup
    from ylua.stdlib.io import close_open_files

    close_open_files()
    exit_skips_cleanup()  # os._exit below: the compile worker need not finish what it builds
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            pass
    os._exit(code)
