"""Finding the Lua test files that `ylua-test` runs: directories, single files and list files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

LIST_SUFFIXES = (".txt", ".list")
HELPER_SUFFIX = "_helper.lua"
HELPER_DIR = "helpers"


class DiscoveryError(Exception):
    """A path named on the command line or in a list file that cannot be used (one-line message)."""


@dataclass
class Selection:
    """The test files to run (in order, no duplicates) and those a list file skipped."""

    tests: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def finish(self) -> Selection:
        """Drop duplicates (first occurrence wins) and let a skip win over any include of the same file."""
        skip = set(self.skipped)
        return Selection(_unique(t for t in self.tests if t not in skip), _unique(self.skipped))


def _unique(paths) -> list[str]:
    seen: set[str] = set()
    out = []
    for p in paths:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


def is_list_file(path: str) -> bool:
    return path.endswith(LIST_SUFFIXES)


def discover_dir(root: str) -> list[str]:
    """Every `*.lua` under root, sorted, without `*_helper.lua` files or anything under a `helpers` directory."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != HELPER_DIR)
        for name in filenames:
            if name.endswith(".lua") and not name.endswith(HELPER_SUFFIX):
                found.append(os.path.join(dirpath, name))
    return sorted(found, key=lambda p: os.path.relpath(p, root).split(os.sep))


def collect(args: list[str]) -> Selection:
    """Expand command-line arguments (directories, files, list files) into a Selection."""
    sel = Selection()
    for arg in args:
        _expand(os.path.abspath(arg), arg, sel, skip=False, where=None, seen_lists=set())
    return sel.finish()


def _expand(path: str, shown: str, sel: Selection, skip: bool, where: str | None, seen_lists: set[str]) -> None:
    prefix = f"{where}: " if where else ""
    if os.path.isdir(path):
        target = discover_dir(path)
    elif os.path.isfile(path):
        if is_list_file(path):
            if skip:
                raise DiscoveryError(f"{prefix}cannot skip a list file: {shown}")
            _read_list(path, shown, sel, seen_lists)
            return
        target = [path]
    else:
        raise DiscoveryError(f"{prefix}no such file or directory: {shown}")
    (sel.skipped if skip else sel.tests).extend(target)


def _read_list(path: str, shown: str, sel: Selection, seen_lists: set[str]) -> None:
    real = os.path.realpath(path)
    if real in seen_lists:
        raise DiscoveryError(f"list file includes itself: {shown}")
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DiscoveryError(f"cannot read list file {shown}: {getattr(e, 'strerror', None) or e}") from None
    base = os.path.dirname(path)
    for lineno, line in enumerate(lines, 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        skip = entry.startswith("-")
        if skip:
            entry = entry[1:].strip()
            if not entry:
                raise DiscoveryError(f"{shown}:{lineno}: '-' must be followed by a test path")
        target = os.path.normpath(os.path.join(base, entry))
        _expand(target, entry, sel, skip, f"{shown}:{lineno}", seen_lists | {real})
