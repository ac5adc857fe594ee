"""Every IR operation, declared once as data (PyPy's resoperation style); everything else is derived from OPS.

Argument signature: one type letter per argument (see values.py); an upper-case letter means the argument must be a
constant of that type; a trailing `*` means any number of further arguments of any type.

Flags:
    G  guard: leaves the trace at its snapshot when its condition does not hold
    X  may raise: when the Python operation fails, the trace leaves at its snapshot with the exception propagating
    S  carries a snapshot without being a guard (finish)
    T  terminator: the last op of a trace
    P  pure: no side effect, result depends on the arguments only (foldable, CSE-able)
    R  reads memory (list items, slots, dicts)
    W  writes memory
    C  calls arbitrary Python code (may read and write anything except register files)
    A  allocates a fresh object

Register files (getreg/setreg) are Python lists that hold an interpreter frame's registers. The language promises
that only the trace itself writes them while it runs: calls never do, and they are never aliased by list_* ops.
Semantics of the arithmetic follow Lua-like conventions but are defined here, independently of any language.
"""

from __future__ import annotations

from dataclasses import dataclass

# name, argument signature, result type, flags, meaning
OPS = [
    # --- control
    ("label", "*", "v", "", "loop header; jump redefines its arguments (they must be distinct values)"),
    ("jump", "*", "v", "T", "go back to the label with new values for its arguments"),
    ("jump_trace", "O*", "v", "T", "tail-jump into compiled trace a0 with its inputs"),
    ("jump_loop", "O*", "v", "T", "tail-jump into the loop of compiled trace a0, past its preamble, with the values "
                                   "its loop uses from before its label (jit/ir/loop_entry.py)"),
    ("finish", "", "v", "ST", "leave the trace normally, resuming the interpreter at the snapshot"),
    ("ret", "o", "v", "T", "function traces: return a0 (the function's result) to the caller"),
    # --- guards
    ("guard_true", "b", "v", "G", "a0 is true"),
    ("guard_false", "b", "v", "G", "a0 is false"),
    ("guard_type", "oO", "v", "G", "type(a0) is a1 (exact type, ob_type identity)"),
    ("guard_is", "oO", "v", "G", "a0 is a1"),
    ("guard_is_not", "oO", "v", "G", "a0 is not a1"),
    # --- facts: what a trace knows without checking (jit/ir/facts.py); cse learns them and drops the op
    ("assume_type", "oO", "v", "", "type(a0) is a1, known: no check, no code"),
    ("assume_is", "oO", "v", "", "a0 is a1, known: no check, no code"),
    # --- objects <-> machine values
    ("same_int", "i", "i", "", "a0, as a value of its own (a loop's carried value: never folded into a0)"),
    ("same_float", "f", "f", "", "a0, as a value of its own"),
    ("same_bool", "b", "b", "", "a0, as a value of its own"),
    ("same_obj", "o", "o", "", "a0, as a value (a new reference) of its own"),
    ("box_int", "i", "o", "PA", "a Python int"),
    ("box_float", "f", "o", "PA", "a Python float"),
    ("box_bool", "b", "o", "P", "True or False"),
    ("unbox_int", "o", "i", "P", "the value of an exact int that fits in int64"),
    ("unbox_float", "o", "f", "P", "the value of an exact float"),
    ("type_is", "oO", "b", "P", "type(a0) is a1"),
    ("ptr_eq", "oo", "b", "P", "a0 is a1"),
    ("ptr_ne", "oo", "b", "P", "a0 is not a1"),
    # --- int64
    ("int_add", "ii", "i", "P", "wrap-around +"),
    ("int_sub", "ii", "i", "P", "wrap-around -"),
    ("int_mul", "ii", "i", "P", "wrap-around *"),
    ("int_floordiv", "ii", "i", "P", "floor(a0 / a1); a1 == -1 wraps; a1 == 0 gives 0 (guard it)"),
    ("int_mod", "ii", "i", "P", "a0 - floor(a0 / a1) * a1 (sign of a1); a1 == 0 gives 0 (guard it)"),
    ("int_neg", "i", "i", "P", "wrap-around -a0"),
    ("int_and", "ii", "i", "P", "&"),
    ("int_or", "ii", "i", "P", "|"),
    ("int_xor", "ii", "i", "P", "^"),
    ("int_shl", "ii", "i", "P", "a0 << a1; 0 unless 0 <= a1 < 64"),
    ("int_lshr", "ii", "i", "P", "logical a0 >> a1; 0 unless 0 <= a1 < 64"),
    ("int_ashr", "ii", "i", "P", "arithmetic a0 >> a1; a1 clamped to 0..63"),
    ("int_lt", "ii", "b", "P", "<"),
    ("int_le", "ii", "b", "P", "<="),
    ("int_gt", "ii", "b", "P", ">"),
    ("int_ge", "ii", "b", "P", ">="),
    ("int_eq", "ii", "b", "P", "=="),
    ("int_ne", "ii", "b", "P", "!="),
    ("int_ult", "ii", "b", "P", "unsigned <: 0 <= a0 < a1 when a1 >= 0 (one-compare bounds check)"),
    ("int_to_float", "i", "f", "P", "the nearest double"),
    ("float_to_int", "f", "i", "P", "truncation; defined only when the value fits (guard it)"),
    # --- double
    ("float_add", "ff", "f", "P", "+"),
    ("float_sub", "ff", "f", "P", "-"),
    ("float_mul", "ff", "f", "P", "*"),
    ("float_div", "ff", "f", "P", "/ (IEEE: x/0 is inf or nan)"),
    ("float_floordiv", "ff", "f", "P", "floor(a0 / a1)"),
    ("float_mod", "ff", "f", "P", "fmod adjusted to the sign of a1"),
    ("float_pow", "ff", "f", "P", "libm pow"),
    ("float_neg", "f", "f", "P", "-a0"),
    ("float_abs", "f", "f", "P", "|a0| (clears the sign bit)"),
    ("float_sqrt", "f", "f", "P", "IEEE square root (nan for negative a0)"),
    ("float_floor", "f", "f", "P", "the largest integral value <= a0"),
    ("float_ceil", "f", "f", "P", "the smallest integral value >= a0"),
    ("float_min", "ff", "f", "P", "a1 if a1 < a0 else a0 (Lua's math.min of two floats: nan in a0 stays)"),
    ("float_max", "ff", "f", "P", "a1 if a0 < a1 else a0 (Lua's math.max of two floats: nan in a0 stays)"),
    ("float_sin", "f", "f", "P", "C's sin(a0)"),
    ("float_cos", "f", "f", "P", "C's cos(a0)"),
    ("float_tan", "f", "f", "P", "C's tan(a0)"),
    ("float_asin", "f", "f", "P", "C's asin(a0)"),
    ("float_acos", "f", "f", "P", "C's acos(a0)"),
    ("float_exp", "f", "f", "P", "C's exp(a0) (inf on overflow)"),
    ("float_log", "f", "f", "P", "C's log(a0) (-inf at 0, nan below)"),
    ("float_is_int64", "f", "b", "P", "-2^63 <= a0 < 2^63 (false for nan): float_to_int is defined"),
    ("float_lt", "ff", "b", "P", "<"),
    ("float_le", "ff", "b", "P", "<="),
    ("float_gt", "ff", "b", "P", ">"),
    ("float_ge", "ff", "b", "P", ">="),
    ("float_eq", "ff", "b", "P", "=="),
    ("float_ne", "ff", "b", "P", "!= (true for nan)"),
    ("bool_not", "b", "b", "P", "not a0"),
    ("int_select", "bii", "i", "P", "a1 if a0 else a2"),
    ("float_select", "bff", "f", "P", "a1 if a0 else a2"),
    # --- memory
    ("getslot", "oI", "o", "R", "the object at byte offset a1 of a0 (a __slots__ member that is always set)"),
    ("setslot", "oIo", "v", "W", "store a2 at byte offset a1 of a0"),
    ("getreg", "oI", "o", "R", "register a1 of register file a0"),
    ("setreg", "oIo", "v", "W", "register a1 of register file a0 := a2"),
    ("setreg_int", "oIi", "v", "W", "register a1 of register file a0 := int a2 (may overwrite the old int object in "
     "place when only the register file refers to it)"),
    ("setreg_float", "oIf", "v", "W", "register a1 of register file a0 := float a2 (may overwrite the old float "
     "object in place when only the register file refers to it)"),
    ("list_getitem", "oi", "o", "R", "a0[a1] (no bounds check: guard it)"),
    ("list_setitem", "oio", "v", "W", "a0[a1] := a2 (no bounds check: guard it)"),
    ("list_setitem_float", "oif", "v", "W", "a0[a1] := float a2 (may overwrite the old float object in place when "
     "only the list refers to it; no bounds check: guard it)"),
    ("list_setitem_int", "oii", "v", "W", "a0[a1] := int a2 (may overwrite the old int object in place when only "
     "the list refers to it; no bounds check: guard it)"),
    ("list_len", "o", "i", "R", "len(a0) of a list"),
    ("list_append", "oo", "v", "WX", "a0.append(a1)"),
    ("tuple_getitem", "oi", "o", "P", "a0[a1] of a tuple (no bounds check)"),
    ("tuple_len", "o", "i", "P", "len(a0) of a tuple"),
    ("bytes_len", "o", "i", "P", "len(a0) of a bytes object"),
    ("bytes_getbyte", "oi", "i", "P", "the byte a0[a1] of a bytes object (no bounds check: guard it)"),
    ("bytes_slice", "oii", "o", "AX", "a0[a1:a2] of a bytes object (no bounds check: 0 <= a1 <= a2 <= len(a0), guard "
     "it); raises only when memory runs out"),
    ("bytes_scan", "oiO", "i", "P", "the least k >= a1 whose byte a0[k] is in set a2 (a 256-byte table: a2[c] != 0 "
     "for the bytes c in it), or len(a0) when there is none (no bounds check: 0 <= a1 <= len(a0), guard it)"),
    ("bytes_char", "i", "o", "P", "the one-byte bytes object of byte a0 (CPython's cached one; 0 <= a0 < 256, guard "
     "it)"),
    ("bytes_concat", "oo", "o", "AX", "a0 + a1 of two bytes objects"),
    ("bytes_eq", "oo", "b", "P", "a0 == a1 of two bytes objects (the same object, or the same bytes)"),
    ("dict_get", "oo", "o", "R", "a0.get(a1) (None when missing)"),
    ("dict_keys", "o", "i", "R", "where dict a0 keeps its keys and entries when dict_slot_value can read them (a "
     "combined dict with general entries), else the address of an empty table of entries"),
    ("dict_slot_value", "oiIO", "o", "R", "a0.get(a3): read without a hash probe when a3 itself is the key "
     "of entry a2 of a1 = dict_keys(a0) (the entry the recording found it at), else probed"),
    ("dict_set", "ooo*", "v", "WX", "a0[a1] := a2; an a3 is what a0[a1] holds until then, known not to be None "
     "(the key exists, so the store adds no entry)"),
    ("dict_set_float", "oof*", "v", "WX", "a0[a1] := float a2 (may overwrite the old float object in place when "
     "only the dict refers to it); an a3 is what a0[a1] holds until then (a dict_get's result, so the store need "
     "not look the key up again)"),
    ("dict_set_int", "ooi*", "v", "WX", "a0[a1] := int a2 (may overwrite the old int object in place when only "
     "the dict refers to it); an a3 as for dict_set_float"),
    ("dict_len", "o", "i", "R", "len(a0) of a dict"),
    ("new_list", "I", "o", "A", "[None] * a0"),
    ("new_dict", "", "o", "A", "{}"),
    ("new_tuple", "*", "o", "A", "(a0, a1, ...) of objects"),
    ("new_object", "O", "o", "A", "a fresh instance of type a0 whose slots are all unset (its __init__ does not run: "
     "set every slot that is read, with setslot)"),
    ("call", "o*", "o", "CX", "a0(a1, ...): any Python callable, may re-enter the interpreter"),
    ("call_trace", "OOI*", "o", "CX", "call function trace a0 natively with inputs a3, ... (a0 is SELF_CALL for the "
     "trace itself) from call site a2 (see jit/native_calls.py) and give its result; when native calls are nested "
     "NATIVE_DEPTH_LIMIT deep, a1(a3, ...) instead"),
]


@dataclass(frozen=True)
class OpDef:
    name: str
    args: str
    result: str
    flags: str
    doc: str

    @property
    def is_guard(self) -> bool:
        return "G" in self.flags

    @property
    def can_raise(self) -> bool:
        return "X" in self.flags

    @property
    def needs_snapshot(self) -> bool:
        return "G" in self.flags or "X" in self.flags or "S" in self.flags

    @property
    def is_terminator(self) -> bool:
        return "T" in self.flags

    @property
    def calls_out(self) -> bool:
        """Runs arbitrary code (which may read and write any memory but register files)."""
        return "C" in self.flags

    @property
    def is_pure(self) -> bool:
        return "P" in self.flags

    @property
    def variadic(self) -> bool:
        return self.args.endswith("*")

    @property
    def fixed_args(self) -> str:
        return self.args.rstrip("*")


OPDEFS: dict[str, OpDef] = {name: OpDef(name, args, res, flags, doc) for name, args, res, flags, doc in OPS}
