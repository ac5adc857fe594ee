"""The basic library (cf. PUC's lbaselib.c): print, pairs, pcall, error, load, tonumber, ..."""

from __future__ import annotations

import sys

from ylua import coroutine as co_impl
from ylua import opcodes, weak
from ylua.errors import ArgError, LuaError, LuaSyntaxError, lua_error
from ylua.numconv import str2number
from ylua.operand_error import OperandError
from ylua.table import LuaTable
from ylua.traceback import raise_point
from ylua.values import Builtin, LuaFunction, type_name

MAX_HANDLER_DEPTH = 216  # nested calls of a failing message handler before "error in error handling"
NOARG = object()  # marks an absent argument where nil and "no value" differ


def typename_or_novalue(v):
    """The type an argument error names (PUC's luaL_typeerror): 'no value', a metatable's __name, or the type."""
    if v is NOARG:
        return "no value"
    mt = getattr(v, "meta", None)
    if mt is not None:
        name = mt.hash.get(b"__name")
        if type(name) is bytes:
            return name.decode("latin-1")
    return type_name(v)


def chunkid(name: str) -> str:
    """How a chunk name appears in messages (PUC's luaO_chunkid)."""
    if name.startswith("=") or name.startswith("@"):
        return name[1:]
    first = name.split("\n", 1)[0]
    limit = 45
    if len(name) < limit and "\n" not in name:
        return f'[string "{name}"]'
    return f'[string "{first[:limit]}..."]'


def open_lib(rt) -> None:
    G = rt.globals

    def reg(name, fn):
        G.set_str(name.encode(), Builtin(fn, name))

    def lua_print(*args):
        out = rt.stdout
        tostr = rt.tostring
        for i, a in enumerate(args):  # each argument is written once converted, as PUC does
            s = tostr(a)
            out.write(b"\t" + s if i else s)
        out.write(b"\n")
        return ()

    def lua_type(v=NOARG, *_):
        if v is NOARG:
            raise ArgError(1, "value expected")
        return (type_name(v).encode(),)

    lua_type.jit_intrinsic = "type"  # a trace knows the answer from the type it guards (jit_record_intrinsics.py)

    def lua_tostring(v=NOARG, *_):
        if v is NOARG:
            raise ArgError(1, "value expected")
        return (rt.tostring(v),)

    def lua_tonumber(v=NOARG, base=None, *_):
        if base is None:
            if v is NOARG:
                raise ArgError(1, "value expected")
            if type(v) is int or type(v) is float:
                return (v,)
            if type(v) is bytes:
                return (str2number(v),)
            return (None,)
        base = _int_arg(base, 2)
        if type(v) is not bytes:
            raise ArgError(1, f"string expected, got {typename_or_novalue(v)}")
        if not 2 <= base <= 36:
            raise ArgError(2, "base out of range")
        s = v.strip(b" \t\n\r\f\v").lower()
        neg = s.startswith(b"-")
        if neg or s.startswith(b"+"):
            s = s[1:]
        if not s:
            return (None,)
        n = 0
        for ch in s:
            d = ch - 48 if 48 <= ch <= 57 else ch - 87 if 97 <= ch <= 122 else 99
            if d >= base:
                return (None,)
            n = n * base + d
        from ylua.numconv import wrap_int

        return (wrap_int(-n if neg else n),)

    lua_tonumber.jit_intrinsic = "tonumber"  # of a number: itself; of a string: the conversion alone

    def lua_ipairs(t=NOARG, *_):
        if t is NOARG:
            raise ArgError(1, "value expected")
        return (ipairs_iter, t, 0)

    def ipairs_next(t=NOARG, i=NOARG, *_):
        if type(i) is not int:
            from ylua.stdlib.helpers import check_int
            i = check_int((t, i), 2)
        i += 1
        if i > 0x7FFFFFFFFFFFFFFF:  # wraps around, as PUC's luaL_intop
            i = -0x8000000000000000
        if type(t) is LuaTable:
            arr = t.arr
            if 0 < i <= len(arr):
                v = arr[i - 1]
                if v is not None:
                    return (i, v)
            if t.meta is None:
                v = t.get(i)
                return (i, v) if v is not None else (None,)
        try:
            v = co_impl.call_nonyieldable(rt, rt.index, t, i)
        except OperandError as e:  # raised by a built-in: no position
            raise LuaError(e.message.encode()) from None
        return (i, v) if v is not None else (None,)

    ipairs_iter = Builtin(ipairs_next, "ipairs_iterator")
    lua_ipairs.jit_intrinsic = "ipairs"  # (iterator, v, 0) with no call (jit_record_intrinsics.py)
    lua_ipairs.jit_iterator = ipairs_iter

    def lua_next(t=NOARG, k=None, *_):
        if type(t) is not LuaTable:
            raise ArgError(1, f"table expected, got {typename_or_novalue(t)}")
        try:
            r = t.next(k)
        except KeyError:
            raise LuaError(b"invalid key to 'next'") from None
        return r if r is not None else (None,)

    next_fn = Builtin(lua_next, "next")
    G.set_str(b"next", next_fn)

    def lua_pairs(t=NOARG, *_):
        if t is NOARG:
            raise ArgError(1, "value expected")
        mm = rt.metamethod(t, b"__pairs")
        if mm is not None:
            res = rt.call(mm, [t])
            res = (res + [None, None, None])[:3]
            return tuple(res)
        return (next_fn, t, None)

    lua_pairs.jit_intrinsic = "pairs"  # of a table without a metatable: (next, t, nil) with no call
    lua_pairs.jit_iterator = next_fn

    def lua_rawget(t=NOARG, k=None, *_):
        _check_table(t, 1)
        return (t.get(k),)

    def lua_rawset(t=NOARG, k=NOARG, v=NOARG, *_):
        _check_table(t, 1)
        if k is NOARG:
            raise ArgError(2, "value expected")
        if v is NOARG:
            raise ArgError(3, "value expected")
        try:
            t.set(k, v)
        except Exception as e:
            raise lua_error(str(e)) from None
        return (t,)

    def lua_rawlen(v=NOARG, *_):
        if type(v) is LuaTable:
            return (len(v.arr),)
        if type(v) is bytes:
            return (len(v),)
        raise ArgError(1, f"table or string expected, got {typename_or_novalue(v)}")

    def lua_rawequal(a=NOARG, b=NOARG, *_):
        if a is NOARG:
            raise ArgError(1, "value expected")
        if b is NOARG:
            raise ArgError(2, "value expected")
        if type(a) is not type(b):
            return ((type(a) in (int, float) and type(b) in (int, float) and a == b),)
        if type(a) in (int, float, bytes, bool):
            return (a == b,)
        return (a is b,)

    def lua_getmetatable(v=NOARG, *_):
        if v is NOARG:
            raise ArgError(1, "value expected")
        mt = rt.getmetatable(v)
        if mt is None:
            return (None,)
        protected = mt.hash.get(b"__metatable")
        if protected is not None:
            return (protected,)
        return (mt,)

    def lua_setmetatable(t=NOARG, mt=NOARG, *_):
        if type(t) is not LuaTable:
            raise ArgError(1, f"table expected, got {typename_or_novalue(t)}")
        if mt is not None and type(mt) is not LuaTable:
            raise ArgError(2, f"nil or table expected, got {typename_or_novalue(mt)}")
        if t.meta is not None and t.meta.hash.get(b"__metatable") is not None:
            raise lua_error("cannot change a protected metatable")
        t.meta = mt
        if mt is not None and mt.hash.get(b"__mode") is not None:
            weak.register(t, mt)
        return (t,)

    lua_setmetatable.jit_intrinsic = "setmetatable"  # a store into a table that has none (jit_record_intrinsics.py)

    def lua_assert(v=NOARG, *rest):
        if v is NOARG:
            raise ArgError(1, "value expected")
        if v is None or v is False:
            if rest:
                msg = rest[0]
                raise LuaError(rt.where(1) + msg if type(msg) is bytes else msg)
            raise lua_error("assertion failed!")
        return (v,) + rest

    def lua_error_fn(msg=None, level=1, *_):
        level = 1 if level is None else _int_arg(level, 2)
        if type(msg) is bytes and level > 0:
            msg = rt.where(level) + msg
        raise LuaError(msg)

    def lua_pcall(f=NOARG, *args):
        if f is NOARG:
            raise ArgError(1, "value expected")
        try:
            return [True] + co_impl.pcall(rt, f, list(args))
        except LuaError as e:
            if not co_impl.catches(rt):
                raise
            return (False, e.value)

    def lua_xpcall(f=NOARG, handler=NOARG, *args):
        if type(handler) is not LuaFunction and type(handler) is not Builtin:
            raise ArgError(2, f"function expected, got {typename_or_novalue(handler)}")
        try:
            return [True] + co_impl.pcall(rt, f, list(args))
        except LuaError as e:
            if not co_impl.catches(rt):
                raise
            return (False, message_handler_result(handler, e))

    def message_handler_result(handler, err):
        """The message handler's result for `err`. It runs as if called where the error was raised, as in PUC (its
        level 2 is the function that raised the error). An error inside the handler is handled by the handler
        again, as PUC does, until the C stack overflows: then the error is "error in error handling"."""
        saved = rt.cur_frame, rt.c_builtin
        rt.handling_error = err
        rt.c_depth += 1  # the handler runs at the level the error was raised at (at least one deeper than xpcall)
        try:
            for _ in range(MAX_HANDLER_DEPTH - rt.c_depth):
                where = raise_point(err)
                if where is not None:
                    rt.cur_frame, rt.c_builtin = where, None
                try:
                    res = co_impl.pcall(rt, handler, [err.value], yieldable=False)
                    return res[0] if res else None
                except LuaError as e2:
                    if not co_impl.catches(rt):
                        raise
                    err = e2
                finally:
                    rt.cur_frame, rt.c_builtin = saved
            return b"error in error handling"
        finally:
            rt.c_depth -= 1
            rt.handling_error = None

    def lua_select(n=NOARG, *args):
        if n == b"#":
            return (len(args),)
        n = _int_arg(n, 1)
        if n < 0:
            n = len(args) + n
            if n < 0:
                raise ArgError(1, "index out of range")
            return args[n:]
        if n == 0:
            raise ArgError(1, "index out of range")
        return args[n - 1:]

    def lua_load(chunk=NOARG, chunkname=None, mode=None, env=NOARG, *_):
        if type(chunkname) in (int, float):
            chunkname = rt.tostring(chunkname)
        if type(chunk) in (int, float):
            chunk = rt.tostring(chunk)
        if type(chunk) is bytes:
            source = chunk
            name = chunkname.decode("latin-1") if type(chunkname) is bytes else chunk.decode("latin-1")
        elif type(chunk) in (LuaFunction, Builtin):
            try:
                source = read_chunk(chunk)
            except LuaError as e:
                if not co_impl.catches(rt):
                    raise
                return (None, e.value)
            if source is None:
                return (None, b"reader function must return a string")
            name = chunkname.decode("latin-1") if type(chunkname) is bytes else "=(load)"
        else:
            raise ArgError(1, f"function expected, got {typename_or_novalue(chunk)}")
        return load_source(source, name, mode, env)

    def read_chunk(reader):
        """The pieces a load reader function returns, joined; None if it returned a non-string."""
        pieces = []
        while True:
            res = co_impl.pcall(rt, reader, [])
            piece = res[0] if res else None
            if piece is None or piece == b"":
                return b"".join(pieces)
            if type(piece) in (int, float):
                piece = rt.tostring(piece)
            elif type(piece) is not bytes:
                return None
            pieces.append(piece)

    def load_source(source, name, mode, env):
        mode = mode if type(mode) is bytes else b"bt"
        if source.startswith(b"\x1bLua"):
            if b"b" not in mode:
                return (None, f"attempt to load a binary chunk (mode is '{mode.decode()}')".encode())
            return (None, b"binary chunks are not supported")
        if b"t" not in mode:
            return (None, f"attempt to load a text chunk (mode is '{mode.decode()}')".encode())
        try:
            fn = rt.load(source, chunkid(name), None if env is NOARG else env, cache=name.startswith("@"))
        except LuaSyntaxError as e:
            return (None, e.msg.encode("latin-1"))
        if env is not NOARG:
            fn.upvals[0].v = env
        return (fn,)

    def read_file(filename):
        if filename is None:
            return sys.stdin.buffer.read(), "=stdin"
        path = filename.decode("latin-1") if type(filename) is bytes else str(filename)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as e:
            return None, f"cannot open {path}" + (f": {e.strerror}" if e.strerror else "")
        if data.startswith(b"#"):
            nl = data.find(b"\n")
            data = b"--" + data[nl:] if nl >= 0 else b""
        return data, "@" + path

    def lua_loadfile(filename=None, mode=None, env=NOARG, *_):
        data, name = read_file(filename)
        if data is None:
            return (None, name.encode())
        return load_source(data, name, mode, env)

    def lua_dofile(filename=None, *_):
        data, name = read_file(filename)
        if data is None:
            raise lua_error(name)
        res = load_source(data, name, None, NOARG)
        if res[0] is None:
            raise LuaError(res[1])
        return rt.call(res[0], [])

    def drop_dead_registers():
        """Clear the caller's registers from its call's base up: they are free (PUC's collector does not mark the
        stack above a frame's top), and a temporary there must not keep a value alive."""
        f = rt.cur_frame
        code = f.func.proto.code if f is not None and hasattr(f, "regs") else None
        if code is None or not 0 <= f.pc < len(code):
            return
        o, a = code[f.pc][0], code[f.pc][1]
        regs = f.regs
        # only a call of this very built-in: a compiled trace's frames may hold a stale pc
        if o == opcodes.CALL and a < len(regs) and regs[a] is collectgarbage_fn:
            for i in range(a + 1, len(regs)):
                regs[i] = None

    def lua_collectgarbage(opt=b"collect", arg=None, *_):
        if opt == b"collect":
            drop_dead_registers()
            weak.collect(rt)
            return (0,)
        if opt == b"count":
            kb = sys.getallocatedblocks() * 64 / 1024.0
            return (kb,)
        if opt in (b"step", b"isrunning"):
            if opt == b"step":
                weak.collect(rt)
            return (True,)
        if opt in (b"incremental", b"generational"):
            return (b"incremental",)
        if opt in (b"stop", b"restart", b"setpause", b"setstepmul"):
            return (0,)
        raise ArgError(1, f"invalid option '{opt.decode('latin-1') if type(opt) is bytes else opt}'")

    for name, fn in [
        ("print", co_impl.nonyieldable(rt, lua_print)), ("type", lua_type),
        ("tostring", co_impl.nonyieldable(rt, lua_tostring)), ("tonumber", lua_tonumber),
        ("ipairs", lua_ipairs), ("pairs", lua_pairs), ("rawget", lua_rawget), ("rawset", lua_rawset),
        ("rawlen", lua_rawlen), ("rawequal", lua_rawequal), ("getmetatable", lua_getmetatable),
        ("setmetatable", lua_setmetatable), ("assert", lua_assert), ("error", lua_error_fn),
        ("pcall", lua_pcall), ("xpcall", lua_xpcall), ("select", lua_select),
        ("load", co_impl.nonyieldable(rt, lua_load)),
        ("loadfile", lua_loadfile), ("dofile", lua_dofile), ("collectgarbage", lua_collectgarbage),
    ]:
        reg(name, fn)
    rt.pcall_builtin = G.get_str(b"pcall")
    collectgarbage_fn = G.get_str(b"collectgarbage")
    G.set_str(b"_G", G)
    G.set_str(b"_VERSION", b"Lua 5.4")
    rt.load_source = load_source
    rt.read_file = read_file


def _check_table(t, n):
    if type(t) is not LuaTable:
        raise ArgError(n, f"table expected, got {typename_or_novalue(t)}")


def _int_arg(v, n):
    if type(v) is int:
        return v
    if type(v) is float:
        if v.is_integer():
            return int(v)
        raise ArgError(n, "number has no integer representation")
    if type(v) is bytes:
        x = str2number(v)
        if x is not None:
            return _int_arg(x, n)
    raise ArgError(n, f"number expected, got {typename_or_novalue(v)}")
