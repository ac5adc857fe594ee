"""Small LLVM functions defined in every module that needs them: reference counting, int unboxing, exception
fetching, list allocation. Their bodies depend on the Python version (3.12 changed the int layout, added immortal
objects and PyErr_GetRaisedException)."""

from __future__ import annotations

import ctypes

from jit import gil, layout
from jit.backend.llvm import capi

NONE = f"inttoptr (i64 {id(None)} to ptr)"

if layout.INLINE_REFCOUNT:
    _INCREF = """define internal void @jit_incref(ptr %o) alwaysinline {
  %c = load i64, ptr %o
  %c1 = add i64 %c, 1
  store i64 %c1, ptr %o
  ret void
}"""
    _DECREF = """define internal void @jit_decref(ptr %o) alwaysinline {
entry:
  %c = load i64, ptr %o
  %c1 = sub i64 %c, 1
  store i64 %c1, ptr %o
  %z = icmp eq i64 %c1, 0
  br i1 %z, label %dealloc, label %done, !prof !0
dealloc:
  call void @_Py_Dealloc(ptr %o)
  br label %done
done:
  ret void
}"""
    _REFCOUNT_DEPS = ("_Py_Dealloc",)
else:
    _INCREF = """define internal void @jit_incref(ptr %o) alwaysinline {
  call void @Py_IncRef(ptr %o)
  ret void
}"""
    _DECREF = """define internal void @jit_decref(ptr %o) alwaysinline {
  call void @Py_DecRef(ptr %o)
  ret void
}"""
    _REFCOUNT_DEPS = ("Py_IncRef", "Py_DecRef")

def _small_ints():
    """(address of -5, distance between neighbours) when CPython's cached ints -5..256 lie evenly in memory (a
    static array of them), else None."""
    base, stride = id(-5), id(-4) - id(-5)
    if stride <= 0 or any(id(k) != base + (k + 5) * stride for k in range(-5, 257)):
        return None
    return base, stride


_SMALL_INTS = _small_ints()
if _SMALL_INTS is not None:
    # A small int is CPython's cached object (as PyLong_FromLongLong returns it), found without a call: loops that
    # store small ints into tables and registers box them all the time (fannkuch spent 10% of its time in that call).
    _BOX_INT = f"""define internal ptr @jit_box_int(i64 %v) alwaysinline {{
entry:
  %off = add i64 %v, 5
  %small = icmp ult i64 %off, 262
  br i1 %small, label %cached, label %alloc
cached:
  %at = mul i64 %off, {_SMALL_INTS[1]}
  %p = getelementptr i8, ptr inttoptr (i64 {_SMALL_INTS[0]} to ptr), i64 %at
  call void @jit_incref(ptr %p)
  ret ptr %p
alloc:
  %o = call ptr @PyLong_FromLongLong(i64 %v)
  ret ptr %o
}}"""
else:
    _BOX_INT = """define internal ptr @jit_box_int(i64 %v) alwaysinline {
  %o = call ptr @PyLong_FromLongLong(i64 %v)
  ret ptr %o
}"""


_TWO_DIGITS = """two:
  %dp0 = getelementptr i8, ptr %o, i64 24
  %lo = load i32, ptr %dp0
  %dp1 = getelementptr i8, ptr %o, i64 28
  %hi = load i32, ptr %dp1
  %loz = zext i32 %lo to i64
  %hiz = zext i32 %hi to i64
  %his = shl i64 %hiz, 30
  %mag = or i64 %his, %loz
  %negmag = sub i64 0, %mag
  %v2 = select i1 %neg, i64 %negmag, i64 %mag
  ret i64 %v2"""

if layout.INLINE_REFCOUNT:  # 3.11: ob_size is the signed digit count
    _UNBOX_FAST = """  %s1 = add i64 %tag, 1
  %small = icmp ult i64 %s1, 3
  br i1 %small, label %fast, label %check2
fast:
  %dp = getelementptr i8, ptr %o, i64 24
  %d = load i32, ptr %dp
  %dz = zext i32 %d to i64
  %v = mul i64 %dz, %tag
  ret i64 %v
check2:
  %s2 = add i64 %tag, 2
  %is2 = icmp ult i64 %s2, 5
  %neg = icmp slt i64 %tag, 0
  br i1 %is2, label %two, label %slow
""" + _TWO_DIGITS
else:  # 3.12+: lv_tag = digit count << 3 | sign (0 positive, 1 zero, 2 negative)
    _UNBOX_FAST = """  %small = icmp ult i64 %tag, 16
  br i1 %small, label %fast, label %check2
fast:
  %dp = getelementptr i8, ptr %o, i64 24
  %d = load i32, ptr %dp
  %dz = zext i32 %d to i64
  %sg = and i64 %tag, 3
  %sign = sub i64 1, %sg
  %v = mul i64 %dz, %sign
  ret i64 %v
check2:
  %is2 = icmp ult i64 %tag, 24
  %sg2 = and i64 %tag, 3
  %neg = icmp eq i64 %sg2, 2
  br i1 %is2, label %two, label %slow
""" + _TWO_DIGITS

_UNBOX_INT = f"""define internal i64 @jit_unbox_int(ptr %o) alwaysinline {{
entry:
  %tp = getelementptr i8, ptr %o, i64 16
  %tag = load i64, ptr %tp
{_UNBOX_FAST}
slow:
  %w = call i64 @PyLong_AsLongLong(ptr %o)
  ret i64 %w
}}"""

if capi.HAS_RAISED_EXCEPTION_API:
    _FETCH_EXC = """define internal ptr @jit_fetch_exc() {
  %v = call ptr @PyErr_GetRaisedException()
  ret ptr %v
}"""
    _FETCH_DEPS = ("PyErr_GetRaisedException",)
else:
    _FETCH_EXC = """define internal ptr @jit_fetch_exc() {
entry:
  %t = alloca ptr
  %v = alloca ptr
  %tb = alloca ptr
  call void @PyErr_Fetch(ptr %t, ptr %v, ptr %tb)
  call void @PyErr_NormalizeException(ptr %t, ptr %v, ptr %tb)
  %vv = load ptr, ptr %v
  %tbv = load ptr, ptr %tb
  %tv = load ptr, ptr %t
  %hastb = icmp ne ptr %tbv, null
  br i1 %hastb, label %settb, label %done
settb:
  %ignored = call i32 @PyException_SetTraceback(ptr %vv, ptr %tbv)
  br label %done
done:
  call void @Py_DecRef(ptr %tbv)
  call void @Py_DecRef(ptr %tv)
  ret ptr %vv
}"""
    _FETCH_DEPS = ("PyErr_Fetch", "PyErr_NormalizeException", "PyException_SetTraceback", "Py_DecRef")

_NEW_LIST = f"""define internal ptr @jit_new_list(i64 %n) {{
entry:
  %l = call ptr @PyList_New(i64 %n)
  %ip = getelementptr i8, ptr %l, i64 24
  %items = load ptr, ptr %ip
  br label %cond
cond:
  %i = phi i64 [0, %entry], [%i1, %body]
  %c = icmp slt i64 %i, %n
  br i1 %c, label %body, label %done
body:
  %p = getelementptr ptr, ptr %items, i64 %i
  store ptr {NONE}, ptr %p
  call void @jit_incref(ptr {NONE})
  %i1 = add i64 %i, 1
  br label %cond
done:
  ret ptr %l
}}"""

# The deopt path shared by every exit of a trace: the exit has stored its live values raw into the buffer (8 bytes
# each; bools zero-extended) and passes a type letter per value ("i", "f", "b", "o"); the result is the exit tuple
# (exit, *boxed values[, exception]) that jit/resume.py decodes. Objects in the buffer are owned references.
_DEOPT = f"""define internal ptr @jit_deopt(ptr %exit, ptr %types, i64 %n, ptr %buf, ptr %exc) noinline {{
entry:
  %hasexc = icmp ne ptr %exc, null
  %extra = zext i1 %hasexc to i64
  %n1 = add i64 %n, 1
  %size = add i64 %n1, %extra
  %tup = call ptr @PyTuple_New(i64 %size)
  %items = getelementptr i8, ptr %tup, i64 24
  call void @jit_incref(ptr %exit)
  store ptr %exit, ptr %items
  br label %cond
cond:
  %k = phi i64 [0, %entry], [%k1, %put]
  %more = icmp slt i64 %k, %n
  br i1 %more, label %body, label %done
body:
  %tp = getelementptr i8, ptr %types, i64 %k
  %t = load i8, ptr %tp
  %rp = getelementptr i64, ptr %buf, i64 %k
  %raw = load i64, ptr %rp
  switch i8 %t, label %obj [ i8 105, label %int
                             i8 102, label %flt
                             i8 98, label %bool ]
obj:
  %o = inttoptr i64 %raw to ptr
  br label %put
int:
  %io = call ptr @PyLong_FromLongLong(i64 %raw)
  br label %put
flt:
  %d = bitcast i64 %raw to double
  %fo = call ptr @PyFloat_FromDouble(double %d)
  br label %put
bool:
  %isb = icmp ne i64 %raw, 0
  %bo = select i1 %isb, ptr inttoptr (i64 {id(True)} to ptr), ptr inttoptr (i64 {id(False)} to ptr)
  call void @jit_incref(ptr %bo)
  br label %put
put:
  %item = phi ptr [%o, %obj], [%io, %int], [%fo, %flt], [%bo, %bool]
  %k1 = add i64 %k, 1
  %ip = getelementptr ptr, ptr %items, i64 %k1
  store ptr %item, ptr %ip
  br label %cond
done:
  br i1 %hasexc, label %putexc, label %ret
putexc:
  %ep = getelementptr ptr, ptr %items, i64 %n1
  store ptr %exc, ptr %ep
  br label %ret
ret:
  ret ptr %tup
}}"""

# A function trace's exit: hand the exit tuple to the trace's handler, which finishes the call in the interpreter and
# returns the function's result (NULL with the exception set when it raised).
_FEXIT = """define internal ptr @jit_fexit(ptr %handler, ptr %tup) noinline {
  %argv = alloca ptr
  store ptr %tup, ptr %argv
  %r = call ptr @PyObject_Vectorcall(ptr %handler, ptr %argv, i64 1, ptr null)
  call void @jit_decref(ptr %tup)
  ret ptr %r
}"""

# dict lookup without PyDict_GetItem's save and restore of the error indicator (NULL when missing; a key that cannot
# be hashed is missing too, as with PyDict_GetItem)
_DICT_GET = """define internal ptr @jit_dict_get(ptr %d, ptr %k) alwaysinline {
entry:
  %r = call ptr @PyDict_GetItemWithError(ptr %d, ptr %k)
  %miss = icmp eq ptr %r, null
  br i1 %miss, label %check, label %done
check:
  %e = call ptr @PyErr_Occurred()
  %has = icmp ne ptr %e, null
  br i1 %has, label %clear, label %done
clear:
  call void @PyErr_Clear()
  br label %done
done:
  %v = phi ptr [%r, %entry], [null, %check], [null, %clear]
  ret ptr %v
}"""

# Where a dict keeps the value of a constant key, read at a per-site cached entry index (layout.DICT_KEYS etc.): the
# address of the entry's value, or NULL when the entry there holds another key (then jit_dict_slot_miss looks for the
# key by identity among the first entries and, when found, caches its index). Tables built the same way put a field
# at the same index, so a site that sees many such tables still hits. NULL from both means "ask PyDict".
_ENTRY_AT = """  %kp = getelementptr i8, ptr %d, i64 {keys}
  %keys = load ptr, ptr %kp
  %np = getelementptr i8, ptr %keys, i64 {nentries}
  %n = load i64, ptr %np
  %kindp = getelementptr i8, ptr %keys, i64 {kind}
  %kind = load i8, ptr %kindp
  %lbp = getelementptr i8, ptr %keys, i64 {log2_index_bytes}
  %lb = load i8, ptr %lbp
  %lb64 = zext i8 %lb to i64
  %ib = shl i64 1, %lb64
  %ib32 = add i64 %ib, {indices}
  %ents = getelementptr i8, ptr %keys, i64 %ib32
  %gen = icmp eq i8 %kind, {general}
  %esz = select i1 %gen, i64 {general_entry}, i64 {unicode_entry}
  %koff = select i1 %gen, i64 8, i64 0
  %base = getelementptr i8, ptr %ents, i64 %koff""".format(
    keys=layout.DICT_KEYS, nentries=layout.DK_NENTRIES, kind=layout.DK_KIND,
    log2_index_bytes=layout.DK_LOG2_INDEX_BYTES, indices=layout.DK_INDICES, general=layout.DK_KIND_GENERAL,
    general_entry=layout.GENERAL_ENTRY, unicode_entry=layout.UNICODE_ENTRY)

# Entry block of the lookups that read a combined table's entries: a split table (values kept apart) goes to `split`.
_COMBINED_ONLY = f"""entry:
  %vp = getelementptr i8, ptr %d, i64 {layout.DICT_VALUES}
  %vals = load ptr, ptr %vp
  %split = icmp ne ptr %vals, null
  br i1 %split, label %{{split}}, label %combined, !prof !0
combined:"""

_DICT_SLOT = f"""define internal ptr @jit_dict_slot(ptr %d, ptr %key, ptr %cache) alwaysinline {{
{_COMBINED_ONLY.format(split="none")}
{_ENTRY_AT}
  %ix = load i64, ptr %cache
  %inb = icmp ult i64 %ix, %n
  br i1 %inb, label %probe, label %miss, !prof !1
probe:
  %off = mul i64 %ix, %esz
  %at = getelementptr i8, ptr %base, i64 %off
  %k = load ptr, ptr %at
  %hit = icmp eq ptr %k, %key
  br i1 %hit, label %found, label %miss, !prof !1
found:
  %slot = getelementptr i8, ptr %at, i64 8
  ret ptr %slot
miss:
  %r = call ptr @jit_dict_slot_miss(ptr %base, i64 %n, i64 %esz, ptr %key, ptr %cache)
  ret ptr %r
none:
  ret ptr null
}}"""

# Reading an index of the index table when it is 1, 2 or 4 bytes wide (sign-extended: -1 is empty, -2 deleted).
_NARROW_INDICES = "\n".join(f"""w{n}:
  %x{n} = load i{8 * n}, ptr %ip
  %ix{n} = sext i{8 * n} %x{n} to i64
  br label %got""" for n in (1, 2, 4))

# A dict lookup of a constant bytes key by CPython's own probe sequence (dictkeys_generic_lookup: i = hash & mask, then
# i = (5 * i + perturb + 1) & mask with perturb >>= 5), comparing keys by identity: the key's value pointer (NULL when
# the key is missing). A dict of str-only (unicode) entries cannot hold a bytes key. An entry with the same hash but
# another key object may still be an equal key: PyDict decides then, as it does for split tables.
_DICT_FIND = f"""define internal ptr @jit_dict_find(ptr %d, ptr %key, i64 %hash) noinline {{
{_COMBINED_ONLY.format(split="slow")}
  %kp = getelementptr i8, ptr %d, i64 {layout.DICT_KEYS}
  %keys = load ptr, ptr %kp
  %kindp = getelementptr i8, ptr %keys, i64 {layout.DK_KIND}
  %kind = load i8, ptr %kindp
  %gen = icmp eq i8 %kind, {layout.DK_KIND_GENERAL}
  br i1 %gen, label %start, label %absent
start:
  %lsp = getelementptr i8, ptr %keys, i64 {layout.DK_LOG2_SIZE}
  %ls = load i8, ptr %lsp
  %lbp = getelementptr i8, ptr %keys, i64 {layout.DK_LOG2_INDEX_BYTES}
  %lb = load i8, ptr %lbp
  %ls64 = zext i8 %ls to i64
  %lb64 = zext i8 %lb to i64
  %size = shl i64 1, %ls64
  %mask = sub i64 %size, 1
  %lw = sub i64 %lb64, %ls64
  %ib = shl i64 1, %lb64
  %ib32 = add i64 %ib, {layout.DK_INDICES}
  %ents = getelementptr i8, ptr %keys, i64 %ib32
  %i0 = and i64 %hash, %mask
  br label %loop
loop:
  %i = phi i64 [%i0, %start], [%inext, %next]
  %perturb = phi i64 [%hash, %start], [%p1, %next]
  %ioff = shl i64 %i, %lw
  %ioff32 = add i64 %ioff, {layout.DK_INDICES}
  %ip = getelementptr i8, ptr %keys, i64 %ioff32
  switch i64 %lw, label %w8 [ i64 0, label %w1
                              i64 1, label %w2
                              i64 2, label %w4 ]
{_NARROW_INDICES}
w8:
  %ix8 = load i64, ptr %ip
  br label %got
got:
  %ix = phi i64 [%ix1, %w1], [%ix2, %w2], [%ix4, %w4], [%ix8, %w8]
  %empty = icmp eq i64 %ix, -1
  br i1 %empty, label %absent, label %used
used:
  %live = icmp sge i64 %ix, 0
  br i1 %live, label %compare, label %next
compare:
  %eoff = mul i64 %ix, {layout.GENERAL_ENTRY}
  %e = getelementptr i8, ptr %ents, i64 %eoff
  %ekp = getelementptr i8, ptr %e, i64 8
  %ek = load ptr, ptr %ekp
  %same = icmp eq ptr %ek, %key
  br i1 %same, label %found, label %hashes
hashes:
  %eh = load i64, ptr %e
  %samehash = icmp eq i64 %eh, %hash
  br i1 %samehash, label %slow, label %next
next:
  %p1 = lshr i64 %perturb, 5
  %i5 = mul i64 %i, 5
  %t = add i64 %i5, %p1
  %t1 = add i64 %t, 1
  %inext = and i64 %t1, %mask
  br label %loop
found:
  %evp = getelementptr i8, ptr %e, i64 16
  %v = load ptr, ptr %evp
  ret ptr %v
absent:
  ret ptr null
slow:
  %r = call ptr @jit_dict_get(ptr %d, ptr %key)
  ret ptr %r
}}"""

DICT_SCAN_LIMIT = 16  # entries a miss compares before leaving the lookup to PyDict

_DICT_SLOT_MISS = f"""define internal ptr @jit_dict_slot_miss(ptr %base, i64 %n, i64 %esz, ptr %key,
                                            ptr %cache) noinline {{
entry:
  %lim = call i64 @llvm.umin.i64(i64 %n, i64 {DICT_SCAN_LIMIT})
  br label %cond
cond:
  %i = phi i64 [0, %entry], [%i1, %next]
  %more = icmp ult i64 %i, %lim
  br i1 %more, label %body, label %none
body:
  %off = mul i64 %i, %esz
  %at = getelementptr i8, ptr %base, i64 %off
  %k = load ptr, ptr %at
  %hit = icmp eq ptr %k, %key
  br i1 %hit, label %found, label %next
next:
  %i1 = add i64 %i, 1
  br label %cond
found:
  store i64 %i, ptr %cache
  %slot = getelementptr i8, ptr %at, i64 8
  ret ptr %slot
none:
  ret ptr null
}}"""

# Called from loop headers while the compile worker builds (jit/gil.py): every POLL_EVERY calls it reads the
# monotonic clock, and when POLL_NS have passed since its last release it lets the worker take the GIL.
_GIL_POLL = f"""define internal void @jit_gil_poll() noinline cold {{
entry:
  %ts = alloca [2 x i64]
  %c = load i64, ptr inttoptr (i64 {gil.POLL_COUNT_ADDRESS} to ptr)
  %c1 = add i64 %c, 1
  store i64 %c1, ptr inttoptr (i64 {gil.POLL_COUNT_ADDRESS} to ptr)
  %m = and i64 %c1, {gil.POLL_EVERY - 1}
  %z = icmp eq i64 %m, 0
  br i1 %z, label %clock, label %done
clock:
  %now = call i64 @jit_monotonic_ns(ptr %ts)
  %last = load i64, ptr inttoptr (i64 {gil.LAST_POLL_ADDRESS} to ptr)
  %d = sub i64 %now, %last
  %due = icmp sgt i64 %d, {gil.POLL_NS}
  br i1 %due, label %yield, label %done
yield:
  %state = call ptr @PyEval_SaveThread()
  call void @PyEval_RestoreThread(ptr %state)
  %after = call i64 @jit_monotonic_ns(ptr %ts)
  store i64 %after, ptr inttoptr (i64 {gil.LAST_POLL_ADDRESS} to ptr)
  br label %done
done:
  ret void
}}"""

_MONOTONIC_NS = """define internal i64 @jit_monotonic_ns(ptr %ts) alwaysinline {
  %r = call i32 @clock_gettime(i32 1, ptr %ts)
  %s = load i64, ptr %ts
  %nsp = getelementptr i64, ptr %ts, i64 1
  %ns = load i64, ptr %nsp
  %sns = mul i64 %s, 1000000000
  %t = add i64 %sns, %ns
  ret i64 %t
}"""

# What dict_keys gives for a dict whose entries dict_slot_value cannot read: a keys object with no entries (its index
# table and entry 0, which such a read still loads, are zeros). It is static memory whose address traces use as a
# constant: a select between a pointer and a module global is one FastISel cannot lower, and its fallback to
# SelectionDAG for the rest of the block cost fast-tier modules 10-15% of their codegen time.
_NO_ENTRIES = (ctypes.c_uint8 * (layout.DK_INDICES + 8 + layout.GENERAL_ENTRY))()
NO_ENTRIES_ADDRESS = ctypes.addressof(_NO_ENTRIES)

# What an exit stores in the buffer's upper half, at places of its own for the whole trace (see exits.py), `leave`
# takes from there by the exit's lists of places: jit_incref_places and jit_decref_places take the references it
# keeps and drops, and jit_gather puts the values it hands over into slots 0..n-1 for jit_deopt (slot k gets place
# idx[k]; a side trace reads them at their places).
def _places_loop(name: str, body: str) -> str:
    return f"""define internal void @{name}(ptr %buf, ptr %idx, i64 %n) noinline {{
entry:
  %base = getelementptr i64, ptr %buf, i64 {capi.STABLE_BASE}
  br label %cond
cond:
  %k = phi i64 [0, %entry], [%k1, %body]
  %more = icmp slt i64 %k, %n
  br i1 %more, label %body, label %done
body:
  %ip = getelementptr i32, ptr %idx, i64 %k
  %i = load i32, ptr %ip
  %iw = zext i32 %i to i64
  %from = getelementptr i64, ptr %base, i64 %iw
{body}
  %k1 = add i64 %k, 1
  br label %cond
done:
  ret void
}}"""


_GATHER = _places_loop("jit_gather", """  %v = load i64, ptr %from
  %to = getelementptr i64, ptr %buf, i64 %k
  store i64 %v, ptr %to""")
_INCREF_PLACES = _places_loop("jit_incref_places", """  %o = load ptr, ptr %from
  call void @jit_incref(ptr %o)""")
_DECREF_PLACES = _places_loop("jit_decref_places", """  %o = load ptr, ptr %from
  call void @Py_DecRef(ptr %o)""")

DEFS = {
    "jit_incref": _INCREF,
    "jit_decref": _DECREF,
    "jit_unbox_int": _UNBOX_INT,
    "jit_box_int": _BOX_INT,
    "jit_fetch_exc": _FETCH_EXC,
    "jit_new_list": _NEW_LIST,
    "jit_deopt": _DEOPT,
    "jit_gather": _GATHER,
    "jit_incref_places": _INCREF_PLACES,
    "jit_decref_places": _DECREF_PLACES,
    "jit_fexit": _FEXIT,
    "jit_dict_get": _DICT_GET,
    "jit_dict_slot": _DICT_SLOT,
    "jit_dict_slot_miss": _DICT_SLOT_MISS,
    "jit_dict_find": _DICT_FIND,
    "jit_gil_poll": _GIL_POLL,
    "jit_monotonic_ns": _MONOTONIC_NS,
}
DEPENDS = {
    "jit_incref": _REFCOUNT_DEPS,
    "jit_decref": _REFCOUNT_DEPS,
    "jit_unbox_int": ("PyLong_AsLongLong",),
    "jit_box_int": ("jit_incref", "PyLong_FromLongLong"),
    "jit_fetch_exc": _FETCH_DEPS,
    "jit_new_list": ("PyList_New", "jit_incref"),
    "jit_deopt": ("PyTuple_New", "PyLong_FromLongLong", "PyFloat_FromDouble", "jit_incref"),
    "jit_gather": (),
    "jit_incref_places": ("jit_incref",),
    "jit_decref_places": ("Py_DecRef",),
    "jit_fexit": ("PyObject_Vectorcall", "jit_decref"),
    "jit_dict_get": ("PyDict_GetItemWithError", "PyErr_Occurred", "PyErr_Clear"),
    "jit_dict_slot": ("jit_dict_slot_miss",),
    "jit_dict_slot_miss": (),
    "jit_dict_find": ("jit_dict_get",),
    "jit_gil_poll": ("PyEval_SaveThread", "PyEval_RestoreThread", "jit_monotonic_ns"),
    "jit_monotonic_ns": ("clock_gettime",),
}

# Out-of-line helpers are compiled once, into the runtime library (runtime_text; compiler.py links it before the
# first trace), and only declared in trace modules: a small trace's module was a quarter helpers, compiled anew
# every time.
SHARED = frozenset({"jit_deopt", "jit_gather", "jit_incref_places", "jit_decref_places", "jit_fetch_exc",
                    "jit_new_list", "jit_fexit", "jit_dict_find", "jit_dict_slot_miss", "jit_gil_poll"})


def declaration(name: str) -> str:
    """`declare` for helper `name`, from the header of its definition."""
    header = DEFS[name].split("{", 1)[0]
    ret, rest = header.split("define internal ", 1)[1].split(" @", 1)
    params = rest.split("(", 1)[1].rsplit(")", 1)[0]
    types = ", ".join(p.split()[0] for p in params.replace("\n", " ").split(",") if p.strip())
    return f"declare {ret} @{name}({types})"


def runtime_text(decls: dict) -> tuple[str, list[str]]:
    """The runtime library's module (the shared helpers, exported, with what they use) and the C symbols it
    needs; `decls` maps C API names to their declarations (capi.DECLS)."""
    defs: set = set()
    needed: set = set()

    def add(name):
        if name in decls:
            needed.add(name)
        elif name not in defs:
            defs.add(name)
            for dep in DEPENDS.get(name, ()):
                add(dep)

    for name in SHARED:
        add(name)
    parts = [decls[d] for d in sorted(needed)]
    parts.append("declare i64 @llvm.umin.i64(i64, i64)")
    for name in sorted(defs):
        text = DEFS[name]
        parts.append(text.replace("define internal", "define", 1) if name in SHARED else text)
    parts.append('!0 = !{!"branch_weights", i32 1, i32 100000}')
    parts.append('!1 = !{!"branch_weights", i32 100000, i32 1}')
    return "\n".join(parts) + "\n", sorted(needed)
