"""Lua tables: an array part for keys 1..n and a hash part for everything else (cf. PUC's ltable.c).

Keys are normalised on the way in: floats with an integral value become ints (so t[1.0] is t[1]), and booleans
become sentinels, because Python's True == 1 would otherwise collide with the integer key 1.

Invariants the VM and the JIT rely on:
- `arr[i - 1]` holds t[i]; holes inside the array are None; the last element of `arr` is never None;
- the key len(arr) + 1 is never in `hash`, so len(arr) is always a valid border for `#t`.
"""

from __future__ import annotations

import math

from ylua.numconv import float_to_int


class _BoolKey:
    __slots__ = ("value",)

    def __init__(self, value: bool):
        self.value = value

    def __repr__(self):
        return f"<key {self.value}>"


TRUE_KEY = _BoolKey(True)
FALSE_KEY = _BoolKey(False)


class InvalidKey(Exception):
    """Raised by `set` for nil and NaN keys; the VM turns it into a Lua error."""


def normalise_key(k):
    """The dict key under which Lua key `k` is stored in the hash part."""
    tk = type(k)
    if tk is float:
        i = float_to_int(k)  # only floats with an int64 value: 2^63 and 1e100 stay floats
        return k if i is None else i
    if tk is bool:
        return TRUE_KEY if k else FALSE_KEY
    return k


def denormalise_key(k):
    if type(k) is _BoolKey:
        return k.value
    return k


class LuaTable:
    # _arrmax (unset until the array part first shrinks): the longest the array part was before it shrank, so that
    # `next` still accepts the keys it lost (PUC's array part keeps them as empty slots)
    __slots__ = ("__weakref__", "_arrmax", "_keyidx", "_keys", "arr", "hash", "meta")

    def __init__(self, arr=None, hash=None):
        self.arr = arr if arr is not None else []
        self.hash = hash if hash is not None else {}
        self.meta = None
        self._keys = None  # snapshot of hash keys for `next`, dropped when a key is added
        self._keyidx = None

    # ------------------------------------------------------------ raw access

    def get(self, k):
        if type(k) is int:
            arr = self.arr
            if 0 < k <= len(arr):
                return arr[k - 1]
            return self.hash.get(k) if self.hash else None
        if type(k) is float:
            i = float_to_int(k)
            return self.hash.get(k) if i is None else self.get_int(i)
        if type(k) is bool:
            k = TRUE_KEY if k else FALSE_KEY
        return self.hash.get(k)

    def get_str(self, k: bytes):
        return self.hash.get(k)

    def get_int(self, k: int):
        arr = self.arr
        if 0 < k <= len(arr):
            return arr[k - 1]
        return self.hash.get(k) if self.hash else None

    def set(self, k, v):
        tk = type(k)
        if tk is int:
            self.set_int(k, v)
            return
        if tk is float:
            i = float_to_int(k)
            if i is not None:
                self.set_int(i, v)
                return
            if k != k:
                raise InvalidKey("table index is NaN")
        elif tk is bool:
            k = TRUE_KEY if k else FALSE_KEY
        elif k is None:
            raise InvalidKey("table index is nil")
        self._set_hash(k, v)

    def set_str(self, k: bytes, v):
        self._set_hash(k, v)

    def _set_hash(self, k, v):
        h = self.hash
        if v is None:
            if k in h:
                del h[k]
        else:
            if self._keys is not None and k not in h:
                self._keys = self._keyidx = None
            h[k] = v

    def set_list(self, first: int, vals):
        """self[first + i] = vals[i] for each i (a table constructor's values): an empty table takes them as its
        array part at once."""
        if first == 1 and vals and vals[-1] is not None and not self.arr and not self.hash:
            self.arr = list(vals)
            return
        for i, v in enumerate(vals):
            self.set_int(first + i, v)

    def set_int(self, k: int, v):
        arr = self.arr
        n = len(arr)
        if 0 < k <= n:
            if v is None and k == n:
                self.note_shrink()
                arr.pop()
                while arr and arr[-1] is None:
                    arr.pop()
            else:
                arr[k - 1] = v
        elif k == n + 1:
            if v is None:
                if self.hash:
                    self._set_hash(k, None)
                return
            arr.append(v)
            h = self.hash
            if h:
                if k in h:
                    del h[k]
                self._migrate_from_hash()
        elif v is not None and k > 0 and k not in self.hash and _full(len(self.hash)):
            # a new positive integer key in a hash part whose PUC counterpart would be full: rehash as PUC does,
            # moving the integer keys into the array part when they are dense enough there
            self._set_hash(k, v)
            self._rehash()
        else:
            self._set_hash(k, v)

    def _rehash(self):
        """PUC's computesizes: the array part grows to the largest size n such that more than half of the keys
        1..n are present, taking those keys from the hash part (holes become None)."""
        arr, h = self.arr, self.hash
        n = len(arr)
        keys = sorted(k for k in h if type(k) is int and k > n)
        present = n - arr.count(None)
        size, best, i = 1, n, 0
        while size <= n:
            size *= 2
        limit = 2 * (present + len(keys))  # past this no size can be more than half full
        while size <= limit:
            while i < len(keys) and keys[i] <= size:
                i += 1
            if present + i > size // 2:
                best = size
            size *= 2
        if best <= n:
            return
        last = max((k for k in keys if k <= best), default=n)
        arr.extend([None] * (last - n))
        for k in keys:
            if k > last:
                break
            arr[k - 1] = h.pop(k)
        self._migrate_from_hash()

    def note_shrink(self):
        """Called before the array part loses elements at its end."""
        if len(self.arr) > getattr(self, "_arrmax", 0):
            self._arrmax = len(self.arr)

    def _migrate_from_hash(self):
        """After an append, move keys n+1, n+2, ... that sit in the hash part into the array."""
        h = self.hash
        arr = self.arr
        k = len(arr) + 1
        while k in h:
            arr.append(h.pop(k))
            k += 1
        self._keys = self._keyidx = None

    def length(self) -> int:
        return len(self.arr)

    # ------------------------------------------------------------ traversal

    def next(self, k):
        """Lua's `next`: returns (key, value) after key k, or None at the end. Raises KeyError for an unknown key."""
        arr = self.arr
        if k is None:
            i = 0
        elif type(k) is int and 0 < k <= len(arr):
            i = k
        elif type(k) is float and k.is_integer() and 0 < k <= len(arr):
            i = int(k)
        else:
            i = None
        if i is not None:
            n = len(arr)
            while i < n:
                v = arr[i]
                i += 1
                if v is not None:
                    return i, v
            pos = 0
        else:
            keys = self._keys
            if keys is None:
                keys = self._snapshot()
            nk = normalise_key(k)
            pos = self._keyidx.get(nk)
            if pos is None:
                if type(nk) is not int or nk <= 0 or nk > getattr(self, "_arrmax", 0):
                    raise KeyError(k)
                pos = 0  # an array key cleared during the traversal (the array shrank): the hash part follows
            else:
                pos += 1
        keys = self._keys
        if keys is None:
            keys = self._snapshot()
        h = self.hash
        n = len(keys)
        while pos < n:
            key = keys[pos]
            v = h.get(key)
            if v is not None:
                return denormalise_key(key), v
            pos += 1
        return None

    def _snapshot(self):
        keys = list(self.hash)
        self._keys = keys
        self._keyidx = {key: i for i, key in enumerate(keys)}
        return keys

    def __repr__(self):
        return f"<LuaTable at {id(self):#x}>"


def _full(count: int) -> bool:
    """Whether a PUC hash part holding `count` keys is full (its size is the power of two it fills exactly)."""
    return count & (count - 1) == 0


def is_valid_float_key(k: float) -> bool:
    return not math.isnan(k)
