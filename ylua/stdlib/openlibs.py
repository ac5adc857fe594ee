"""Open every standard library into a runtime, in PUC's order (cf. linit.c)."""

from __future__ import annotations

import importlib

LIBRARIES = ["base", "package", "coroutine", "table", "io", "os", "string", "math", "utf8", "debug"]


def qualify_names(lib, libname: str) -> None:
    """Built-ins called from Python (no call-site name) are named as PUC finds them: 'string.format'."""
    from ylua.values import Builtin

    for key, v in lib.hash.items():
        if type(v) is Builtin and type(key) is bytes and "." not in v.name:
            v.name = f"{libname}.{key.decode('latin-1')}"


def open_all(rt) -> None:
    for name in LIBRARIES:
        try:
            module = importlib.import_module(f"ylua.stdlib.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"ylua.stdlib.{name}":
                raise
            continue  # a library not written yet
        module.open_lib(rt)
    loaded = rt.registry.get_str(b"_LOADED")
    for name in LIBRARIES[1:]:
        lib = rt.globals.get_str(name.encode())
        if lib is None:
            continue
        if loaded is not None:
            loaded.set_str(name.encode(), lib)
        qualify_names(lib, name)
    if rt.compat == "luajit":
        importlib.import_module("ylua.stdlib.luajit_compat").open_lib(rt)
