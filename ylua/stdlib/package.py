"""The package library and require (cf. PUC's loadlib.c), for Lua modules only (no C modules)."""

from __future__ import annotations

import os

from ylua import coroutine as co_impl
from ylua.errors import ArgError, LuaError, lua_error
from ylua.stdlib.base import NOARG
from ylua.table import LuaTable
from ylua.values import Builtin

LUA_PATH_DEFAULT = (
    "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
    "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;./?.lua;./?/init.lua"
)
LUA_CPATH_DEFAULT = "/usr/local/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so"


def env_path(var: str, default: str, ignore_env: bool) -> bytes:
    value = None if ignore_env else (os.environ.get(var + "_5_4") or os.environ.get(var))
    if value is None:
        return default.encode()
    return value.replace(";;", ";" + default + ";").encode()


def search_path(name: bytes, path: bytes, sep=b".", rep=b"/"):
    """package.searchpath: (filename, None) or (None, error text listing the files tried)."""
    if sep:
        name = name.replace(sep, rep)
    tried = []
    for template in path.split(b";"):
        if not template:
            continue
        filename = template.replace(b"?", name)
        if os.path.isfile(filename):
            return filename, None
        tried.append(b"\n\tno file '" + filename + b"'")
    return None, b"".join(tried)


def open_lib(rt) -> None:
    G = rt.globals
    package = LuaTable()
    loaded = LuaTable()
    preload = LuaTable()
    ignore_env = getattr(rt, "ignore_env", False)
    package.set_str(b"path", env_path("LUA_PATH", LUA_PATH_DEFAULT, ignore_env))
    package.set_str(b"cpath", env_path("LUA_CPATH", LUA_CPATH_DEFAULT, ignore_env))
    package.set_str(b"config", b"/\n;\n?\n!\n-\n")
    package.set_str(b"loaded", loaded)
    package.set_str(b"preload", preload)
    rt.registry.set_str(b"_LOADED", loaded)

    def searchpath(name=None, path=None, sep=b".", rep=b"/", *_):
        if type(name) is not bytes:
            raise ArgError(1, "string expected")
        if type(path) is not bytes:
            raise ArgError(2, "string expected")
        found, err = search_path(name, path, sep or b"", rep)
        return (found,) if found else (None, err)

    def searcher_preload(name):
        loader = preload.get(name)
        if loader is None:
            return (b"\n\tno field package.preload['" + name + b"']",)
        return (loader, b":preload:")

    def searcher_lua(name):
        path = package.get_str(b"path")
        if type(path) is not bytes:
            raise lua_error("'package.path' must be a string")
        filename, err = search_path(name, path)
        if filename is None:
            return (err,)
        data, chunkname = rt.read_file(filename)
        if data is None:
            raise lua_error(chunkname)
        res = rt.load_source(data, chunkname, None, NOARG)
        if res[0] is None:
            raise lua_error(
                b"error loading module '" + name + b"' from file '" + filename + b"':\n\t" + res[1]
            )
        return (res[0], filename)

    def searcher_c(name):
        path = package.get_str(b"cpath")
        if type(path) is not bytes:
            return (b"",)
        _, err = search_path(name, path)
        return (err or b"",)

    searchers = LuaTable()
    for i, fn in enumerate((searcher_preload, searcher_lua, searcher_c), 1):
        searchers.set_int(i, Builtin(fn, "searcher"))
    package.set_str(b"searchers", searchers)

    def require(name=None, *_):
        if type(name) is not bytes:
            if type(name) in (int, float):
                name = rt.tostring(name)
            else:
                raise ArgError(1, "string expected, got " + ("no value" if name is None else type(name).__name__))
        v = loaded.get(name)
        if v is not None and v is not False:
            return (v,)
        s = package.get_str(b"searchers")
        if type(s) is not LuaTable:
            raise lua_error("'package.searchers' must be a table")
        msgs = []
        i = 1
        while True:
            searcher = s.get(i)
            if searcher is None:
                raise lua_error(b"module '" + name + b"' not found:" + b"".join(msgs))
            res = rt.call(searcher, [name])
            loader = res[0] if res else None
            if type(loader) in (Builtin,) or rt.metamethod(loader, b"__call") is not None or _is_function(loader):
                extra = res[1] if len(res) > 1 else None
                break
            if type(loader) is bytes:
                msgs.append(loader)
            i += 1
        res = rt.call(loader, [name, extra])
        value = res[0] if res else None
        if value is not None:
            loaded.set(name, value)
        elif loaded.get(name) is None:
            loaded.set(name, True)
        return (loaded.get(name), extra)

    package.set_str(b"searchpath", Builtin(searchpath, "searchpath"))
    G.set_str(b"package", package)
    G.set_str(b"require", Builtin(co_impl.nonyieldable(rt, require), "require"))
    loaded.set_str(b"_G", G)
    loaded.set_str(b"package", package)


def _is_function(v):
    from ylua.values import LuaFunction

    return type(v) is LuaFunction


__all__ = ["LuaError", "open_lib"]
