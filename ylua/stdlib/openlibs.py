"""Open every standard library into a runtime, in PUC's order (cf. linit.c)."""

from __future__ import annotations

import importlib

LIBRARIES = ["base", "package", "coroutine", "table", "io", "os", "string", "math", "utf8", "debug"]


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
    if loaded is not None:
        for name in LIBRARIES[2:]:
            lib = rt.globals.get_str(name.encode())
            if lib is not None:
                loaded.set_str(name.encode(), lib)
    if rt.compat == "luajit":
        importlib.import_module("ylua.stdlib.luajit_compat").open_lib(rt)
