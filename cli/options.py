"""Parsing `ylua`'s arguments the way `lua` parses them (options stop at the script name)."""

from __future__ import annotations

from dataclasses import dataclass, field

USAGE = """usage: ylua [options] [script [args]]
Available options are:
  -e stat   execute string 'stat'
  -i        enter interactive mode after executing 'script'
  -l mod    require library 'mod' into global 'mod'
  -l g=mod  require library 'mod' into global 'g'
  -v        show version information
  -E        ignore environment variables
  -W        turn warnings on
  --        stop handling options
  -         stop handling options and execute stdin
  --bytecode        list the script's bytecode (like luac -l) instead of running it
  --compat=luajit   LuaJIT compatibility (unpack, loadstring, bit)"""


class UsageError(Exception):
    pass


@dataclass
class Options:
    actions: list = field(default_factory=list)  # ('e', code) or ('l', (global, module)) in order
    interactive: bool = False
    version: bool = False
    ignore_env: bool = False
    warnings: bool = False
    bytecode: bool = False
    compat: str | None = None
    script: str | None = None  # '-' for stdin
    script_index: int = 0  # index of the script in argv (for the arg table)
    script_args: list = field(default_factory=list)


def parse_args(argv: list[str]) -> Options:
    """argv excludes the program name."""
    o = Options()
    i = 0
    n = len(argv)
    while i < n:
        a = argv[i]
        if a == "--":
            i += 1
            break
        if a == "-":
            break
        if not a.startswith("-"):
            break
        if a.startswith("--compat="):
            o.compat = a.split("=", 1)[1]
            if o.compat not in ("luajit", "none"):
                raise UsageError(f"unknown compatibility mode '{o.compat}'")
        elif a == "--bytecode":
            o.bytecode = True
        elif a == "-i":
            o.interactive = o.version = True
        elif a == "-v":
            o.version = True
        elif a == "-E":
            o.ignore_env = True
        elif a == "-W":
            o.warnings = True
        elif a in ("-e", "-l") or (a[:2] in ("-e", "-l") and len(a) > 2):
            value = a[2:]
            if not value:
                i += 1
                if i >= n:
                    raise UsageError(f"'{a}' needs argument")
                value = argv[i]
            if a[1] == "e":
                o.actions.append(("e", value))
            else:
                glob, _, mod = value.partition("=")
                o.actions.append(("l", (glob, mod or glob)))
        else:
            raise UsageError(f"unrecognized option '{a}'")
        i += 1
    if i < n:
        o.script = argv[i]
        o.script_index = i
        o.script_args = argv[i + 1:]
    else:
        o.script_index = -1  # like lua: with no script, the program name is arg[0] and every option follows
    return o
