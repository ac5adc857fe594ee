"""Compiled chunks kept on disk, as CPython keeps __pycache__: running a file again skips the parser and the
compiler.

One cache file per chunk name, holding a digest of the source it was compiled from and the pickled Proto tree; a
file whose digest does not match (the script changed) is compiled again and overwritten. The digest also covers the
compiler's own files (their sizes and modification times) and the Python version, so an edited compiler never runs
old bytecode. The files live in the user's cache directory (or a per-user one in the temporary directory), which must
belong to the user and be writable by nobody else: a pickle is code. YLUA_CHUNK_CACHE=0 turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile

from ylua.funcstate import intern_constant
from ylua.proto import Proto

ENV_SWITCH = "YLUA_CHUNK_CACHE"
# What decides a chunk's bytecode: every module between source text and Proto.
COMPILER_FILES = ("lexer.py", "lexemes.py", "parser.py", "ast.py", "resolve.py", "funcstate.py", "compile_expr.py",
                  "compiler.py", "opcodes.py", "proto.py", "numconv.py", "chunk_cache.py")
_HERE = os.path.dirname(os.path.abspath(__file__))
_compiler_stamp: bytes | None = None
_dir: str | None | bool = False  # False: not looked for yet; None: no usable directory


def cache_dir() -> str | None:
    """The per-user cache directory (made if missing), or None when there is no safe one."""
    global _dir
    if _dir is False:
        _dir = None
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        for d in (os.path.join(base, "ylua"), os.path.join(tempfile.gettempdir(), f"ylua-{os.getuid()}")):
            try:
                os.makedirs(d, mode=0o700, exist_ok=True)
                st = os.stat(d)
            except OSError:
                continue
            if st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                _dir = d
                break
    return _dir


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1") != "0" and cache_dir() is not None


def _stamp() -> bytes:
    global _compiler_stamp
    if _compiler_stamp is None:
        parts = [sys.version.encode()]
        for name in COMPILER_FILES:
            try:
                st = os.stat(os.path.join(_HERE, name))
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
            except OSError:
                parts.append(name.encode())
        _compiler_stamp = hashlib.sha256(b"\0".join(parts)).digest()
    return _compiler_stamp


def _paths(source: bytes, chunkname: str) -> tuple[str, bytes]:
    """The cache file for `chunkname` and the digest its content must carry for `source`."""
    name = hashlib.sha256(_stamp() + chunkname.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    digest = hashlib.sha256(_stamp() + hashlib.sha256(source).digest()).digest()
    return os.path.join(cache_dir(), f"chunk-{name}.pickle"), digest


def load(source: bytes, chunkname: str) -> Proto | None:
    """The cached Proto of this source under this chunk name, or None."""
    path, digest = _paths(source, chunkname)
    try:
        with open(path, "rb") as fh:
            if fh.read(len(digest)) != digest:
                return None
            proto = pickle.load(fh)
    except Exception:  # noqa: BLE001 - a damaged file can make unpickling fail in many ways; it is compiled again
        return None
    if type(proto) is not Proto:
        return None
    _intern(proto)
    return proto


def store(source: bytes, chunkname: str, proto: Proto) -> None:
    """Keep `proto` for the next run (written whole, then renamed: a reader never sees half a file)."""
    path, digest = _paths(source, chunkname)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(digest)
            pickle.dump(proto, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, RecursionError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _intern(proto: Proto) -> None:
    """Share short string constants with the chunks compiled in this process, as the compiler does (the JIT's
    table caches compare keys by identity first)."""
    consts = proto.consts
    for i, v in enumerate(consts):
        if type(v) is bytes:
            consts[i] = intern_constant(v)
    for p in proto.protos:
        _intern(p)
